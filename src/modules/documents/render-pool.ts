import { Worker } from "node:worker_threads";
import { documentFonts } from "./fonts.ts";
import type { RenderAnswer, RenderRequest, RenderWorkerData } from "./render-worker.ts";
import { RenderFailed, type RenderOptions } from "./renderer.ts";

/**
 * Renders after this many renders move to a fresh worker. Typst's PDF export keeps memory it
 * never gives back, about 0.3 MB a notice (a new compiler in the same thread does not free it, a
 * terminated worker does). With the renderer's eviction of Typst's caches every 10 renders, 1000
 * notices hold a worker near 300 MB; the whole pipeline of 2,000 notices peaked at ~510 MB
 * resident (400 per worker with the old eviction: ~935 MB). A worker's start (loading the
 * binding, fonts, the first renders without caches) is spread over 1000 renders.
 */
export const RENDERS_PER_WORKER = 1000;

type Pending = {
  resolve: (r: { pdf: Uint8Array; pages: number }) => void;
  reject: (e: Error) => void;
};

/** One worker thread, the renders sent to it and not yet answered. */
class RenderWorker {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  /** Resolves when the thread has ended. */
  readonly exited: Promise<void>;
  sent = 0;
  private retiring = false;

  constructor(fonts: Buffer[], onExit: (w: RenderWorker) => void) {
    this.worker = new Worker(new URL("./render-worker.ts", import.meta.url), {
      workerData: { fonts } satisfies RenderWorkerData,
    });
    this.worker.unref(); // idle, it keeps no process alive; `ref` while a render is pending
    this.worker.on("message", (a: RenderAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (a.ok) p.resolve({ pdf: a.pdf, pages: a.pages });
      else p.reject(a.name === "RenderFailed" ? new RenderFailed(a.message) : new Error(a.message));
      if (this.pending.size === 0) this.idle();
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      onExit(this);
    };
    this.worker.on("error", (err) => fail(new Error(`Render worker failed: ${err.message}`)));
    this.exited = new Promise((done) =>
      this.worker.on("exit", (code) => {
        fail(new Error(`Render worker exited (${code})`));
        done();
      }),
    );
  }

  /** Takes no more renders and ends once it has answered those it was sent. */
  retire(): Promise<void> {
    this.retiring = true;
    if (this.pending.size === 0) this.idle();
    return this.exited;
  }

  private idle() {
    if (this.retiring) void this.worker.terminate();
    else this.worker.unref();
  }

  send(id: number, r: Omit<RenderRequest, "id">, p: Pending) {
    this.sent++;
    this.pending.set(id, p);
    this.worker.ref();
    this.worker.postMessage({ id, ...r } satisfies RenderRequest);
  }
}

/**
 * Renders in a worker thread; after {@link RENDERS_PER_WORKER} renders (or `rendersPerWorker`)
 * the next ones go to a new worker and the old one ends once it has answered what it was sent. Renders run one after
 * another, in the order asked for, as they did in the main thread.
 */
export class RenderPool {
  private current: RenderWorker | undefined;
  private nextId = 1;
  private closed = false;
  private readonly rendersPerWorker: number;
  /** Workers started so far (for tests and diagnostics). */
  started = 0;

  constructor(o: { rendersPerWorker?: number } = {}) {
    this.rendersPerWorker = o.rendersPerWorker ?? RENDERS_PER_WORKER;
  }

  async render(
    template: string,
    data: unknown,
    opts: RenderOptions = {},
  ): Promise<{ pdf: Uint8Array; pages: number }> {
    if (this.closed) throw new Error("Render pool closed");
    // Made once per process; renders waiting for them resume in the order they were asked for.
    const fonts = await documentFonts();
    if (this.closed) throw new Error("Render pool closed");
    const w = this.worker(fonts);
    return new Promise((resolve, reject) => {
      w.send(this.nextId++, { template, json: JSON.stringify(data), opts }, { resolve, reject });
      if (w.sent >= this.rendersPerWorker) this.retire(w);
    });
  }

  /** Ends the worker after its pending renders. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.current;
    this.current = undefined;
    await w?.retire();
  }

  private worker(fonts: Buffer[]): RenderWorker {
    if (!this.current) {
      this.started++;
      this.current = new RenderWorker(fonts, (w) => {
        if (this.current === w) this.current = undefined;
      });
    }
    return this.current;
  }

  private retire(w: RenderWorker) {
    if (this.current === w) this.current = undefined;
    void w.retire();
  }
}

let pool: RenderPool | undefined;

/** The process's render pool (made on first use). */
export function renderPool(): RenderPool {
  pool ??= new RenderPool();
  return pool;
}

/**
 * Renders `templates/<template>.typ` to PDF in the render worker (see `renderHere` for what a
 * template gets): the event loop is not blocked while Typst works.
 */
export function renderDocument(
  template: string,
  data: unknown,
  opts: RenderOptions = {},
): Promise<{ pdf: Uint8Array; pages: number }> {
  return renderPool().render(template, data, opts);
}

export async function renderPdf(
  template: string,
  data: unknown,
  opts: RenderOptions = {},
): Promise<Uint8Array> {
  return (await renderDocument(template, data, opts)).pdf;
}
