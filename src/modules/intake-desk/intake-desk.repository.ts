import type { Tx } from "../../platform/db/database.ts";

export type EnteredFile = {
  id: string;
  path: string;
  filename: string;
  mimeType: string;
  sha256: string;
  content: Buffer;
};

/**
 * Stores the files entered with an application on its case. The ids derive from the form's key
 * and the content, so a repeated submit keeps the first files and adds none twice.
 */
export async function storeCaseFiles(
  tx: Tx,
  tenantId: string,
  caseId: string,
  files: EnteredFile[],
) {
  if (files.length === 0) return;
  await tx
    .insertInto("files")
    .values(
      files.map((f) => ({
        tenant_id: tenantId,
        id: f.id,
        case_id: caseId,
        field_path: f.path,
        filename: f.filename,
        content_type: f.mimeType,
        size: f.content.length,
        sha256: f.sha256,
        content: f.content,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
