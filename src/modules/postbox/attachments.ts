import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "../../platform/errors.ts";

/** An attachment ready to store: its bytes with the type read from its content. */
export type Attachment = {
  filename: string;
  contentType: string;
  content: Buffer;
  size: number;
  sha256: string;
};

/** What citizens may attach to a reply: documents and photos, checked by content, not by name. */
export const REPLY_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/**
 * Reads an uploaded file: refuses it when too large or when its content is not one of `allowed`
 * (a renamed executable stays an executable). `field` names the form field for the error.
 */
export async function readUpload(
  file: File,
  field: string,
  allowed: readonly string[] = REPLY_TYPES,
  maxBytes = MAX_ATTACHMENT_BYTES,
): Promise<Attachment> {
  if (file.size > maxBytes) {
    throw new DomainError("postbox.error.fileTooLarge", {
      field,
      params: { name: file.name, max: Math.round(maxBytes / 1024 / 1024) },
    });
  }
  const content = Buffer.from(await file.arrayBuffer());
  const sniffed = await fileTypeFromBuffer(content);
  const fits = (a: string) =>
    a === sniffed?.mime || (a.endsWith("/*") && sniffed?.mime.startsWith(a.slice(0, -1)));
  if (!sniffed || !allowed.some(fits)) {
    throw new DomainError("postbox.error.fileType", { field, params: { name: file.name } });
  }
  return {
    filename: cleanFilename(file.name, sniffed.ext),
    contentType: sniffed.mime,
    content,
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
  };
}

/** An attachment the authority provides (trusted type), e.g. a notice PDF. */
export function attachmentOf(a: { filename: string; contentType: string; content: Buffer }) {
  return {
    filename: cleanFilename(a.filename),
    contentType: a.contentType,
    content: a.content,
    size: a.content.length,
    sha256: createHash("sha256").update(a.content).digest("hex"),
  };
}

/** A file name without path or control characters, at most 255 characters. */
function cleanFilename(name: string, ext?: string): string {
  const base = name
    .replace(/^.*[\\/]/, "")
    .replace(/[\p{Cc}"<>|:*?]/gu, "")
    .trim()
    .slice(0, 200);
  return base || `anhang${ext ? `.${ext}` : ""}`;
}

/** The non-empty files of a multipart field (a form without JavaScript sends an empty part). */
export function uploadedFiles(value: unknown): File[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((f): f is File => f instanceof File && f.size > 0 && f.name !== "");
}
