/** A one-page PDF: the real magic bytes, enough for content detection. */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const HTML_AS_PDF = Buffer.from("<!doctype html><script>alert(1)</script>");
