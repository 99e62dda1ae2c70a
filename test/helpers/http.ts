/**
 * A small HTTP client with a cookie jar, for driving the server-rendered pages like a browser
 * without JavaScript: it keeps cookies, reads the CSRF token out of forms and posts them.
 */
export class Client {
  readonly base: string;
  private cookies = new Map<string, string>();

  constructor(base: string) {
    this.base = base;
  }

  async get(path: string): Promise<Page> {
    return this.request("GET", path);
  }

  /** Posts a form; adds the CSRF token from `from` (a page with a form) unless given. */
  async post(path: string, fields: Record<string, string>, from?: Page): Promise<Page> {
    const body = new URLSearchParams(fields);
    if (!body.has("_csrf")) {
      const token = from?.csrf() ?? (await this.get("/")).csrf();
      if (token) body.set("_csrf", token);
    }
    return this.request("POST", path, body);
  }

  async request(method: string, path: string, body?: URLSearchParams): Promise<Page> {
    return this.send(method, path, {
      body,
      headers: body ? { "content-type": "application/x-www-form-urlencoded" } : {},
    });
  }

  /** Sends any request (a JSON API call) with the client's cookies. */
  async send(
    method: string,
    path: string,
    o: { body?: string | URLSearchParams; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    const res = await fetch(new URL(path, this.base), {
      method,
      body: o.body,
      redirect: "manual",
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...o.headers,
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === "" || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return new Page(res.status, res.headers, await res.text());
  }

  /** Follows redirects for a GET until a page is reached. */
  async follow(page: Page, max = 5): Promise<Page> {
    let p = page;
    for (let i = 0; i < max && p.status >= 300 && p.status < 400; i++)
      p = await this.get(p.location!);
    return p;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export class Page {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;

  constructor(status: number, headers: Headers, body: string) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  get location(): string | undefined {
    return this.headers.get("location") ?? undefined;
  }

  /** The body parsed as JSON. */
  json<T = Record<string, unknown>>(): T {
    return JSON.parse(this.body) as T;
  }

  csrf(): string | undefined {
    return /name="_csrf" value="([^"]+)"/.exec(this.body)?.[1];
  }
}
