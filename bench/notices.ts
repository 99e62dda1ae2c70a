/**
 * Notice benchmark (a script, not a test: it prints figures and asserts nothing).
 *
 *   node bench/notices.ts [seconds-per-measurement]
 *
 * Two-page fee notices (Hundesteuerbescheid of the reference service, with fee table,
 * Kassenzeichen and GiroCode) made per second on one core (the process pinned to one core with
 * taskset), in rounds taken in turn with the reference, medians reported: compose from the text blocks, EPC
 * payload, QR code, Typst to PDF/A-2b, SHA-256 — everything `makeDocument` does except the
 * database insert. Each notice differs (name, Kassenzeichen, amount), so nothing is served
 * from a cache of the whole document. Reference in the same run: the smallest useful Typst
 * render, a one-page letter on the same letter base with one paragraph. Also printed: Typst
 * alone, the same notices compiled and exported in this thread with nothing around them — the
 * ceiling of the pipeline on this core.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import {
  type CaseState,
  composeDocument,
  epcQrPayload,
  loadDefinition,
  validateSubmission,
} from "../src/core/index.ts";
import { translator } from "../src/platform/i18n/index.ts";
import "../src/modules/documents/documents.messages.ts";
import "../src/modules/notices/notices.messages.ts";
import { documentFonts } from "../src/modules/documents/fonts.ts";
import {
  epcQrImage,
  letterOf,
  RENDERS_PER_WORKER,
  recipientOf,
  renderDocument,
} from "../src/modules/documents/index.ts";
import { renderHere, useFonts } from "../src/modules/documents/renderer.ts";
import { noticeContent } from "../src/modules/notices/index.ts";
import { report } from "./report.ts";

const seconds = Number(process.argv[2] ?? 5);
const ROUNDS = 5;
const roundSeconds = Math.max(1, seconds * 0.4);
const pinnedCore = pinToOneCore();
/**
 * "On one core" taken literally: this process, every thread of it (the render worker, V8's
 * collector and compiler threads, the Typst binding's), runs on one core, by running itself
 * again under `taskset` (util-linux). Returns that core, or undefined where taskset is missing.
 */
function pinToOneCore(): number | undefined {
  if (process.env.DW_BENCH_PINNED) return Number(process.env.DW_BENCH_PINNED);
  const core = availableParallelism() - 1;
  const run = spawnSync(
    "taskset",
    ["-c", String(core), process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit", env: { ...process.env, DW_BENCH_PINNED: String(core) } },
  );
  if (run.error) return undefined; // no taskset: measure unpinned, and say so
  process.exit(run.status ?? 1);
}

const t = translator("de");
const loaded = loadDefinition(readFileSync("services/hund-anmelden.json", "utf8"));
if (!loaded.ok) throw new Error("reference service does not load");
const def = loaded.definition;
// As stored with a case: the application validated, computed fields (e.g. `dogCount`) filled
// in, then the caseworker's inputs of the decision (tax tag numbers, signatory) added.
const { taxTagNumbers, signatory, ...application } = JSON.parse(
  readFileSync("services/examples/hund-anmelden.happy.json", "utf8"),
).data;
const submitted = validateSubmission(def, application, { today: "2026-11-20" });
if (!submitted.ok) throw new Error("the reference example does not validate");
const example = { ...(submitted.data as Record<string, unknown>), taxTagNumbers, signatory };
const tenant = {
  name: "Gemeinde Musterstadt",
  settings: {
    address: { street: "Marktplatz 1", postcode: "39999", city: "Musterstadt" },
    contact: { phone: "03901 1234-0", email: "steuern@musterstadt.example" },
    bank: { iban: "DE02120300000000202051", bic: "BYLADEM1001", bankName: "Kreissparkasse" },
  },
};

/** What `makeDocument` hands the renderer for notice `i`: the template's data and its assets. */
function feeNoticeRequest(i: number): { content: unknown; assets: Record<string, Uint8Array> } {
  const cents = 6000 + (i % 500);
  const data = {
    ...example,
    applicantName: { givenName: `Erika ${i}`, familyName: "Mustermann" },
    annualTax: 6000,
  };
  const state = {
    status: "festgesetzt",
    data,
    version: 5,
    fees: {
      currency: "EUR",
      totalCents: cents,
      lines: [
        {
          id: "steuer",
          label: "Hundesteuer (anteilig)",
          amountCents: cents - 1500,
          legalBasis: "§ 5 Abs. 1 Hundesteuersatzung",
        },
        {
          id: "marke",
          label: "Hundesteuermarke",
          amountCents: 1500,
          legalBasis: "§ 8 Verwaltungskostensatzung",
        },
      ],
    },
  } as unknown as CaseState;
  const kassenzeichen = `26${String(i).padStart(6, "0")}3`;
  const composed = composeDocument(def, "hundesteuerbescheid", state, {
    today: "2026-11-22",
    case: { reference: `HU-2026-${i}`, submittedAt: "2026-11-20" },
    tenant: { name: tenant.name },
    payment: { reference: kassenzeichen, dueDate: "2026-12-22" },
  });
  if (!composed) throw new Error("not composed");
  const epc = epcQrPayload({
    name: tenant.name,
    iban: tenant.settings.bank.iban,
    bic: tenant.settings.bank.bic,
    amountCents: cents,
    remittance: kassenzeichen,
  });
  if (!epc.ok) throw new Error("no EPC payload");
  const qr = epcQrImage(epc.payload);
  const qrName = `qr-${createHash("sha256").update(epc.payload).digest("hex").slice(0, 16)}.luma8`;
  const content = noticeContent(
    {
      tenant: tenant as never,
      document: composed,
      reference: `HU-2026-${i}`,
      issuedOn: "2026-11-22",
      recipient: recipientOf(def, data, t),
      contactName: "Max Beispiel",
      payment: {
        kassenzeichen,
        totalCents: cents,
        dueDate: "2026-12-22",
        lines: state.fees!.lines,
        qr: { file: `assets/${qrName}`, size: qr.size },
      },
    },
    t,
  );
  return { content, assets: { [qrName]: qr.pixels } };
}

const createdAt = new Date("2026-11-22T08:00:00Z");

async function feeNotice(i: number): Promise<{ pdf: Uint8Array; pages: number; sha256: string }> {
  const { content, assets } = feeNoticeRequest(i);
  const out = await renderDocument("notice", content, { createdAt, assets });
  return { ...out, sha256: createHash("sha256").update(out.pdf).digest("hex") };
}

/**
 * Typst alone, the ceiling of the pipeline: the same notices compiled and exported to PDF in
 * this thread (no worker, no composing, no QR code: the requests are made before the clock
 * starts). What the one core could make if everything around Typst cost nothing.
 */
async function typstAlone(first: number): Promise<Round> {
  const times: number[] = [];
  let pages = 0;
  let cpuUs = 0;
  const end = performance.now() + roundSeconds * 1000;
  while (performance.now() < end) {
    const { content, assets } = feeNoticeRequest(first + times.length);
    const json = JSON.stringify(content);
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    pages = renderHere("notice", json, { createdAt, assets }).pages;
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);
    cpuUs += cpu.user + cpu.system;
  }
  const total = times.reduce((a, b) => a + b, 0);
  return {
    perSecond: (times.length / total) * 1000,
    cpuMs: cpuUs / 1000 / times.length,
    times,
    pages,
  };
}

function plainLetter(i: number) {
  const letter = letterOf(tenant as never, t, {
    recipient: [`Erika ${i} Mustermann`, "Lindenallee 12", "39999 Musterstadt"],
    info: [{ label: "Aktenzeichen", value: `HU-2026-${i}` }],
    subject: "Mitteilung",
  });
  return renderDocument(
    "notice",
    {
      letter,
      blocks: [{ title: null, parts: [{ kind: "p", lines: ["Guten Tag."] }] }],
      payment: null,
    },
    { createdAt: new Date("2026-11-22T08:00:00Z") },
  );
}

/** One measurement round: `f` one call after another for `roundSeconds`. */
async function round(f: (i: number) => Promise<{ pages: number }>, first: number): Promise<Round> {
  const times: number[] = [];
  let pages = 0;
  const end = performance.now() + roundSeconds * 1000;
  const cpuBefore = process.cpuUsage();
  while (performance.now() < end) {
    const start = performance.now();
    pages = (await f(first + times.length)).pages;
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    perSecond: (times.length / total) * 1000,
    // CPU time of every thread of this process (main, render worker, GC) per call.
    cpuMs: (cpu.user + cpu.system) / 1000 / times.length,
    times,
    pages,
  };
}

type Round = { perSecond: number; cpuMs: number; times: number[]; pages: number };

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Rounds of the reference, the notice and Typst alone in turn, so that a noisy moment touches
 * all alike. Every notice of the run differs (its number `i` is never repeated).
 */
async function measureInTurn() {
  for (let i = 0; i < 20; i++) await plainLetter(1_000_000 + i); // warm-up: fonts, templates
  for (let i = 0; i < 20; i++) await feeNotice(1_000_000 + i);
  useFonts(await documentFonts()); // for this thread's compiler (Typst alone)
  await typstAlone(1_100_000); // its warm-up (one round)
  const runs: { reference: Round[]; notice: Round[]; typst: Round[] } = {
    reference: [],
    notice: [],
    typst: [],
  };
  for (let r = 0; r < ROUNDS; r++) {
    runs.reference.push(await round(plainLetter, r * 100_000));
    runs.notice.push(await round(feeNotice, r * 100_000));
    runs.typst.push(await typstAlone(r * 100_000 + 50_000));
  }
  for (const [name, rs] of [
    ["reference: one-page letter", runs.reference],
    ["fee notice with GiroCode", runs.notice],
    ["the same notices, Typst alone", runs.typst],
  ] as const) {
    const times = rs.flatMap((r) => r.times).sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    console.log(
      `${name.padEnd(29)} ${median(rs.map((r) => r.perSecond))
        .toFixed(0)
        .padStart(
          5,
        )}/s median of ${ROUNDS} rounds (${rs.map((r) => r.perSecond.toFixed(0)).join(", ")}); CPU ${median(rs.map((r) => r.cpuMs)).toFixed(2)} ms each; p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms; pages ${rs[0].pages}; n=${times.length}`,
    );
  }
  return {
    reference: median(runs.reference.map((r) => r.perSecond)),
    notices: median(runs.notice.map((r) => r.perSecond)),
    typst: median(runs.typst.map((r) => r.perSecond)),
  };
}

console.log(
  `# bench/notices — ${pinnedCore === undefined ? "not pinned (no taskset): threads may use more than one core" : `pinned to core ${pinnedCore} with taskset (every thread: main, render worker, GC)`}; ${cpus()[0]?.model ?? "cpu"}; ${ROUNDS} rounds of ${roundSeconds.toFixed(1)} s each`,
);
const { reference, notices, typst } = await measureInTurn();
console.log(
  `memory: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB resident after the runs (render worker replaced every ${RENDERS_PER_WORKER} renders; the main thread's compiler of "Typst alone" is never replaced)`,
);
console.log(
  `fee notices: ${notices.toFixed(0)}/s on one core (target >= 200/s) — ${(notices / reference).toFixed(2)} x the one-page reference; Typst alone ${typst.toFixed(0)}/s, the pipeline reaches ${((notices / typst) * 100).toFixed(0)} % of it`,
);
report([
  {
    bench: "notices",
    measurement: "two-page fee notices with GiroCode/s, one core",
    value: notices,
    unit: "/s",
    reference: "one-page letter on the same letter base",
    referenceValue: reference,
    better: "higher",
    target: "≥ 200/s",
    met: notices >= 200,
  },
  {
    bench: "notices",
    measurement: "the same notices, Typst alone (compile + PDF in one thread)/s, one core",
    value: typst,
    unit: "/s",
    reference: "one-page letter on the same letter base",
    referenceValue: reference,
    better: "higher",
  },
]);
