/**
 * The render worker (a worker thread started by `render-pool.ts`): renders what it is sent with
 * Typst, in order, and answers with the PDF (its bytes transferred, not copied) or the error.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type RenderOptions, renderHere, useFonts } from "./renderer.ts";

/** What the pool gives a worker when it starts it. */
export type RenderWorkerData = { fonts: Uint8Array[] };
/** `json`: the render's data as JSON text (a string crosses to the thread cheaper than objects). */
export type RenderRequest = { id: number; template: string; json: string; opts: RenderOptions };
export type RenderAnswer =
  | { id: number; ok: true; pdf: Uint8Array; pages: number }
  | { id: number; ok: false; name: string; message: string };

const port = parentPort;
if (!port) throw new Error("render-worker.ts runs as a worker thread");
useFonts(
  (workerData as RenderWorkerData).fonts.map((f) =>
    Buffer.from(f.buffer, f.byteOffset, f.byteLength),
  ),
);

port.on("message", (r: RenderRequest) => {
  let answer: RenderAnswer;
  try {
    const { pdf, pages } = renderHere(r.template, r.json, r.opts);
    // The binding's buffer is external memory, which cannot be transferred: a copy can.
    answer = { id: r.id, ok: true, pdf: new Uint8Array(pdf), pages };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    answer = { id: r.id, ok: false, name: e.constructor.name, message: e.message };
  }
  port.postMessage(answer, answer.ok ? [answer.pdf.buffer as ArrayBuffer] : []);
});
