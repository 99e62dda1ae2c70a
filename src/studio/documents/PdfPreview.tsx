/**
 * The server's PDF preview of a notice: requested from the studio API, shown in a frame of a
 * blob: URL (the studio's CSP allows `frame-src blob:` for this), with a download link. Nothing
 * is stored or sent by the server; the PDF says "MUSTER".
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type ApiProblem } from "../api.ts";
import type { StudioContext } from "../context.ts";
import { Alert } from "../ui.tsx";

export type PreviewRequest = {
  definition: unknown;
  document: string;
  data?: Record<string, unknown>;
  status?: string;
};

export type PreviewState = {
  status: "idle" | "loading" | "ready" | "error";
  url: string | null;
  /** What the shown PDF is of (document id), and when it was made. */
  document: string | null;
  madeAt: Date | null;
  error: string | null;
  problems: ApiProblem[];
};

/** Requests previews; only the newest answer is shown, and old blob URLs are released. */
export function usePdfPreview(ctx: StudioContext, slug: string) {
  const [state, setState] = useState<PreviewState>({
    status: "idle",
    url: null,
    document: null,
    madeAt: null,
    error: null,
    problems: [],
  });
  const seq = useRef(0);
  const url = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );
  async function refresh(request: PreviewRequest) {
    const mine = ++seq.current;
    setState((s) => ({ ...s, status: "loading", error: null, problems: [] }));
    try {
      const blob = await ctx.api.blob(
        `/services/${encodeURIComponent(slug)}/preview/document`,
        request,
      );
      if (mine !== seq.current) return;
      const next = URL.createObjectURL(new Blob([blob], { type: "application/pdf" }));
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = next;
      setState({
        status: "ready",
        url: next,
        document: request.document,
        madeAt: new Date(),
        error: null,
        problems: [],
      });
    } catch (err) {
      if (mine !== seq.current) return;
      const e = err as ApiError;
      setState((s) => ({
        ...s,
        status: "error",
        error: e instanceof ApiError ? e.message : "Die Vorschau konnte nicht erstellt werden.",
        problems: e instanceof ApiError ? e.problems : [],
      }));
    }
  }
  return { state, refresh };
}

const time = (d: Date) =>
  d.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The preview: status line, errors with their places, the frame and the download link. */
export function PdfPreview(p: {
  preview: PreviewState;
  title: string;
  fileName: string;
  onJump?: (path: string) => void;
  id?: string;
}) {
  const s = p.preview;
  return (
    <div class="studio-preview" id={p.id}>
      <p class="kern-body studio-preview__status" role="status" aria-live="polite">
        {s.status === "loading"
          ? "Die Vorschau wird erstellt …"
          : s.status === "ready" && s.madeAt
            ? `Vorschau erstellt um ${time(s.madeAt)} Uhr (Mustervorgang, nichts wird gespeichert oder versendet).`
            : s.status === "error"
              ? "Die Vorschau konnte nicht erstellt werden."
              : ""}
      </p>
      {s.status === "error" && s.error ? (
        <Alert kind="danger" title={s.error} role="alert">
          {s.problems.length > 0 ? (
            <ul class="studio-problems">
              {s.problems.slice(0, 20).map((pr, i) => (
                <li key={i} class="kern-body">
                  {pr.message}{" "}
                  {p.onJump && pr.path ? (
                    <button type="button" class="link-button" onClick={() => p.onJump?.(pr.path)}>
                      Zur Stelle <code>{pr.path}</code>
                    </button>
                  ) : pr.path ? (
                    <code>{pr.path}</code>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {s.url ? (
        <>
          <p class="kern-body">
            <a class="kern-link" href={s.url} download={p.fileName}>
              Vorschau als PDF herunterladen
            </a>
          </p>
          <iframe class="studio-preview__frame" src={s.url} title={p.title} />
        </>
      ) : null}
    </div>
  );
}
