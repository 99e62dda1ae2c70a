import { dogApplication, dogService } from "../../../../test/helpers/dog.ts";
import { makeTenant } from "../../../../test/helpers/factories.ts";
import { Client, Page } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { makeStaff, PASSWORD } from "../../accounts/__tests__/factories.ts";
import { publishService } from "../../services/index.ts";

/** A municipality publishing the dog service, with a caseworker. */
export async function makeDogTenant(app: Running) {
  const tenant = { ...(await makeTenant(app)), state: "ST" };
  await publishService(app.platform.database.db, tenant.id, dogService);
  const staff = await makeStaff(app, tenant.id, ["caseworker"]);
  return { tenant, staff };
}

let counter = 0;

/** A dog registration by `applicantId`, submitted online. */
export async function applyForDog(
  app: Running,
  tenant: { id: string; slug: string; state: string },
  applicantId: string,
) {
  return app.cases.submit({
    tenant,
    serviceSlug: "hund-anmelden",
    data: dogApplication,
    applicantId,
    channel: "online",
    idempotencyKey: `konto-${Date.now()}-${counter++}`,
    receivedAt: new Date(),
  });
}

export async function signIn(app: Running, email: string): Promise<Client> {
  const client = new Client(app.url);
  const form = await client.get("/konto/anmelden");
  const r = await client.post("/konto/anmelden", { email, password: PASSWORD }, form);
  if (r.status !== 303) throw new Error(`sign-in failed: ${r.status}`);
  return client;
}

/** Posts a multipart form (file uploads) with the client's cookies and the page's CSRF token. */
export async function postMultipart(
  client: Client,
  path: string,
  fields: Record<string, string | File | File[]>,
  from: Page,
): Promise<Page> {
  const form = new FormData();
  form.set("_csrf", from.csrf() ?? "");
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  }
  const cookie = ["dw_session", "dw_csrf"]
    .map((n) => (client.cookie(n) ? `${n}=${client.cookie(n)}` : ""))
    .filter(Boolean)
    .join("; ");
  const res = await fetch(new URL(path, client.base), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie },
  });
  return new Page(res.status, res.headers, await res.text());
}

export const PDF = () =>
  new File([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "nachweis.pdf", {
    type: "application/pdf",
  });
/** A Windows executable named like a PDF: must be refused by its content. */
export const DISGUISED = () =>
  new File([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0)])], "rechnung.pdf", {
    type: "application/pdf",
  });

export async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 150));
  }
}

export { PASSWORD };
