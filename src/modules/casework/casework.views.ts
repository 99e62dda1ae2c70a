import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";

export type Ctx = Context<AppEnv>;

/** `/{tenant}/amt` of the request's municipality. */
export const workspace = (c: Ctx) => `/${c.var.tenant!.slug}/amt`;

/** 2027-03-15 -> 15.03.2027 */
export function dateDe(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export const backToCase = (c: Ctx, caseId: string) =>
  html`<p class="kern-body"><a class="kern-link" href="${workspace(c)}/vorgaenge/${caseId}">${c.var.t("casework.back")}</a></p>`;
