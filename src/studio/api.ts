/** The studio's JSON API client: same origin, CSRF token in a header, errors as `ApiError`. */

export type ApiProblem = { path: string; key: string; message: string; severity: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly problems: ApiProblem[];
  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    problems: ApiProblem[] = [],
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.problems = problems;
  }
}

export type Api = ReturnType<typeof createApi>;

export function createApi(tenant: string, csrf: string) {
  const base = `/${tenant}/studio/api`;
  async function request<T>(method: string, path: string, body?: unknown, raw = false): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        credentials: "same-origin",
        headers: {
          accept: "application/json",
          ...(method === "GET" ? {} : { "x-csrf-token": csrf }),
          ...(body === undefined
            ? {}
            : { "content-type": raw ? "text/plain" : "application/json" }),
        },
        body: body === undefined ? undefined : raw ? String(body) : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(
        0,
        "network",
        "Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.",
      );
    }
    const type = res.headers.get("content-type") ?? "";
    const data = type.includes("json") ? await res.json().catch(() => undefined) : undefined;
    if (!res.ok) {
      const err = (data as { error?: { code: string; message: string; field?: string } })?.error;
      const problems = (data as { problems?: ApiProblem[] })?.problems ?? [];
      throw new ApiError(
        res.status,
        err?.code ?? (problems.length ? "problems" : "http"),
        err?.message ??
          (problems.length ? `${problems.length} Probleme gefunden.` : `Fehler ${res.status}`),
        err?.field,
        problems,
      );
    }
    return data as T;
  }
  return {
    base,
    get: <T>(path: string) => request<T>("GET", path),
    post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
    put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
    postText: <T>(path: string, text: string) => request<T>("POST", path, text, true),
    /** A binary answer (e.g. a PDF preview) as a Blob. */
    async blob(path: string, body: unknown): Promise<Blob> {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify(body),
        });
      } catch {
        throw new ApiError(
          0,
          "network",
          "Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.",
        );
      }
      if (!res.ok) {
        const data = await res.json().catch(() => undefined);
        const err = (data as { error?: { code: string; message: string; field?: string } })?.error;
        const problems = (data as { problems?: ApiProblem[] })?.problems ?? [];
        throw new ApiError(
          res.status,
          err?.code ?? "http",
          err?.message ?? `Fehler ${res.status}`,
          err?.field,
          problems,
        );
      }
      return res.blob();
    },
  };
}
