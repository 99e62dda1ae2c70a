import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before } from "node:test";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import type { Running } from "../../src/app.ts";
import { startTestApp } from "./app.ts";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** The `skip` option of a browser suite: false, or why it cannot run. */
export const browserSkip: string | false = chromiumAvailable()
  ? false
  : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

export type AxeViolation = {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
};

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the current page and returns its violations. The script
 * is evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Formats violations for an assertion message. */
export function describeViolations(url: string, v: AxeViolation[]): string {
  return v
    .map(
      (x) =>
        `${url}: ${x.id} (${x.impact}) ${x.help} at ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    )
    .join("\n");
}

/** Asserts the page as it is now has no axe-core violations at all, of any impact. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const v = await axeViolations(page);
  assert.deepEqual(v, [], describeViolations(label, v));
}

/** The app and the browser of a browser suite, set once the suite's first `before` hook ran. */
export type AppAndBrowser = { app: Running; browser: Browser };

/**
 * Registers hooks in the current suite (or file): before its tests, starts the app with `env`
 * (or what `env()` resolves to) and launches Chromium; after them, closes the browser (with its
 * contexts) and stops the app. Call it before the suite's own `before` and `after`: node:test
 * runs hooks in the order they were registered, so those see the app and browser running.
 */
export function useAppAndBrowser(
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): AppAndBrowser {
  const suite = {} as AppAndBrowser;
  before(async () => {
    suite.app = await startTestApp(typeof env === "function" ? await env() : env);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}

/**
 * Signs in through the sign-in form at `signInUrl` (staff `/{tenant}/amt/anmelden`, platform
 * `/admin/anmelden`, citizen `/konto/anmelden`: `#email`, `#password`, the form's submit
 * button) in a new browser context with a 15 s default timeout, and returns that context signed
 * in. Throws when the form is shown again instead (wrong password, say).
 */
export async function signedInContext(
  browser: Browser,
  signInUrl: string,
  email: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(signInUrl);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  if (new URL(page.url()).pathname === new URL(signInUrl).pathname) {
    throw new Error(`signing in as ${email} at ${signInUrl} failed: the form is shown again`);
  }
  await page.close();
  return context;
}
