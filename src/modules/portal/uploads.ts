import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { FieldDef } from "../../core/index.ts";

type FileField = Extract<FieldDef, { type: "file" }>;

export type CheckedUpload =
  | { ok: true; content: Buffer; mimeType: string; filename: string; sha256: string }
  | { ok: false; key: string; params?: Record<string, string | number> };

/** Human names of the MIME types a service accepts, for the error message. */
const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
};

export function acceptedNames(field: FileField): string {
  return field.accept.map((a) => TYPE_NAMES[a] ?? a).join(", ");
}

/**
 * Checks an upload against its field: size from the definition, type from the content's magic
 * bytes (`file-type`), never from the name or the browser's claimed type. A file named .pdf that
 * holds HTML is refused: it has no recognised signature.
 */
export async function checkUpload(field: FileField, file: File): Promise<CheckedUpload> {
  if (file.size > field.maxSizeBytes)
    return {
      ok: false,
      key: "portal.upload.tooLarge",
      params: { max: megabytes(field.maxSizeBytes) },
    };
  if (file.size === 0) return { ok: false, key: "portal.upload.empty" };
  const content = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(content);
  const accepted = detected && field.accept.some((a) => matches(a, detected.mime));
  if (!detected || !accepted)
    return { ok: false, key: "portal.upload.wrongType", params: { accept: acceptedNames(field) } };
  return {
    ok: true,
    content,
    mimeType: detected.mime,
    filename: safeFilename(file.name, detected.ext),
    sha256: createHash("sha256").update(content).digest("hex"),
  };
}

function matches(accept: string, mime: string): boolean {
  return accept.endsWith("/*") ? mime.startsWith(accept.slice(0, -1)) : accept === mime;
}

/** A file name without paths or control characters, with the extension of the detected type. */
function safeFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips control characters
    .replace(/[\u0000-\u001f\u007f"<>]/g, "")
    .replace(/\.[^.]*$/, "")
    .slice(0, 200);
  return `${base || "datei"}.${ext}`;
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${Math.round(mb * 10) / 10} MB`.replace(".", ",")
    : `${Math.ceil(bytes / 1024)} KB`;
}
