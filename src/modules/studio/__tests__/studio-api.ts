/** A designer's (or anyone's) calls to the studio's JSON API, with cookies and the CSRF token. */
import { Client, type Page } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { signInStaff } from "../../tenants/__tests__/fixtures.ts";

export type StudioApi = {
  client: Client;
  get(path: string): Promise<Page>;
  call(method: string, path: string, body?: unknown): Promise<Page>;
  text(method: string, path: string, text: string): Promise<Page>;
};

export async function studioApi(app: Running, slug: string, email: string): Promise<StudioApi> {
  const client = new Client(app.url);
  await signInStaff(client, slug, email);
  // The studio's page hands the builder its CSRF token (anyone signed in gets a page with one).
  const page = await client.get(`/${slug}/studio/`);
  const csrf =
    /data-csrf="([^"]+)"/.exec(page.body)?.[1] ?? (await client.get("/konto/")).csrf() ?? "";
  const base = `/${slug}/studio/api`;
  return {
    client,
    get: (path) =>
      client.send("GET", `${base}${path}`, { headers: { accept: "application/json" } }),
    call: (method, path, body) =>
      client.send(method, `${base}${path}`, {
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
      }),
    text: (method, path, text) =>
      client.send(method, `${base}${path}`, {
        body: text,
        headers: { "content-type": "text/plain", "x-csrf-token": csrf },
      }),
  };
}
