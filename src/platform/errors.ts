import type { Params } from "./i18n/index.ts";

/**
 * An error the user can act on: a message key from the catalogue, optionally the field it
 * concerns, and the HTTP status, chosen here in one place per kind.
 */
export class DomainError extends Error {
  readonly key: string;
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;
  readonly field?: string;
  readonly params?: Params;

  constructor(
    key: string,
    opts: { status?: DomainError["status"]; field?: string; params?: Params } = {},
  ) {
    super(key);
    this.key = key;
    this.status = opts.status ?? 422;
    this.field = opts.field;
    this.params = opts.params;
  }
}

export const notFound = () => new DomainError("error.notFound", { status: 404 });
export const forbidden = () => new DomainError("error.forbidden", { status: 403 });
