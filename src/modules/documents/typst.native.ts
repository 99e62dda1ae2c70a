import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The Typst compiler's native binding (napi-rs), loaded directly from its platform package.
 *
 * Why not `@myriaddreamin/typst-ts-node-compiler`: that package only picks one of eleven
 * platform packages it lists as optional dependencies, and our registry mirror lacks most of
 * them, so adding it breaks `npm ci` ("Missing ... from lock file"). We depend on the two
 * linux-x64 packages (glibc and musl) directly as optional dependencies and do the one thing
 * its index.js does for them: require the right `.node` file. Other platforms get a clear error
 * when a PDF is rendered; the rest of the app runs.
 */

/** The part of the binding's API we use (from its index-napi.d.ts, version 0.7.0). */
export type NodeCompiler = {
  compile(opts: CompileDocArgs): NodeTypstCompileResult;
  pdf(doc: NodeTypstDocument, opts?: RenderPdfOpts): Buffer;
  mapShadow(path: string, content: Buffer): void;
  unmapShadow(path: string): void;
  evictCache(maxAge: number): void;
};

export type CompileDocArgs = {
  mainFileContent?: string;
  mainFilePath?: string;
  /** `sys.inputs`: string key-value pairs. */
  inputs?: Record<string, string>;
};

export type RenderPdfOpts = {
  /** e.g. "a-2b" (PDF/A-2b). */
  pdfStandard?: string;
  pdfTags?: boolean;
  /** The creation date written into the PDF, in seconds since the epoch. */
  creationTimestamp?: number;
};

export type NodeTypstDocument = { readonly numOfPages: number };

export type NodeError = {
  readonly kind: string;
  readonly shortDiagnostics: { message?: string; severity?: string }[];
};

export type NodeTypstCompileResult = {
  readonly result: NodeTypstDocument | null;
  takeError(): NodeError | null;
};

export type CompileArgs = {
  workspace?: string;
  fontArgs?: ({ fontBlobs: Buffer[] } | { fontPaths: string[] })[];
  inputs?: Record<string, string>;
};

type Binding = { NodeCompiler: { create(args?: CompileArgs): NodeCompiler } };

const PACKAGES: Record<string, string> = {
  "linux-x64-gnu": "@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu",
  "linux-x64-musl": "@myriaddreamin/typst-ts-node-compiler-linux-x64-musl",
};

let binding: Binding | undefined;

/** The binding for this machine; throws a readable error where none is installed. */
export function typstBinding(): Binding {
  if (binding) return binding;
  const target = `${process.platform}-${process.arch}-${isMusl() ? "musl" : "gnu"}`;
  const name = PACKAGES[target];
  if (!name) {
    throw new Error(`Typst PDF rendering is not available on ${target} (no native binding)`);
  }
  try {
    binding = createRequire(import.meta.url)(name) as Binding;
  } catch (err) {
    throw new Error(`Typst native binding ${name} is not installed`, { cause: err });
  }
  return binding;
}

function isMusl(): boolean {
  if (process.platform !== "linux") return false;
  try {
    return readFileSync("/usr/bin/ldd", "utf8").includes("musl");
  } catch {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } };
    return !report?.header?.glibcVersionRuntime;
  }
}
