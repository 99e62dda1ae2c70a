import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { Html } from "../../platform/http/ui.ts";

// Small presentation helpers of the case file pages.

/** A date (and time) as staff in Germany read it, in the municipality's time zone. */
export function formatDate(c: Context<AppEnv>, d: Date, withTime = true): string {
  return new Intl.DateTimeFormat(c.var.locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Berlin",
  }).format(d);
}

/** An ISO calendar date (`2027-03-15`) the German way. */
export function isoDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (iso ?? "");
}

export const para = (text: string | Html) => html`<p class="kern-body">${text}</p>`;

/** Multi-line text of a person: paragraphs at blank lines, breaks at lines. */
export function textBlock(text: string): Html {
  return html`${text
    .split(/\n{2,}/)
    .map(
      (p) =>
        html`<p class="kern-body">${p.split("\n").map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`,
    )}`;
}

export const item = (key: string, value: string | Html) =>
  html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${key}</dt><dd class="kern-description-list-item__value">${value}</dd></div>`;

export const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;
