/** The part of `subset-font` (harfbuzz's subsetter) that fonts.ts uses; the package has no types. */
declare module "subset-font" {
  type Options = {
    keepAllGlyphs?: boolean;
    noHinting?: boolean;
    preserveNameIds?: number[];
    targetFormat?: "truetype" | "woff" | "woff2" | "sfnt";
  };
  export default function subsetFont(
    font: Buffer,
    text: string | undefined,
    options?: Options,
  ): Promise<Buffer>;
}
