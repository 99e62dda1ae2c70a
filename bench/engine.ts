/**
 * Engine benchmark (a script, not a test: it prints figures and asserts nothing).
 *
 *   node bench/engine.ts [seconds-per-measurement]
 *
 * 1. Process instances per second: our engine versus bpmn-engine running the same
 *    process (start -> user task completed -> end), measured in the same run.
 *    bpmn-engine is measured twice: from BPMN XML per instance (its usual use) and with
 *    the XML parsed once (its best case); the ratio uses the best case.
 * 2. Form validations per second for a 50-field form with visibility rules, a
 *    repeating group, computed and cross-field rules.
 */
import { EventEmitter } from "node:events";
import { availableParallelism, cpus } from "node:os";
import { Engine } from "bpmn-engine";
import {
  loadDefinition,
  performAction,
  type ServiceDefinition,
  startCase,
  validateSubmission,
} from "../src/core/index.ts";
import { fiftyFieldData, fiftyFieldDefinition } from "./fifty-field-form.ts";
import { report } from "./report.ts";

const seconds = Number(process.argv[2] ?? 2);

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench" targetNamespace="http://bench">
  <process id="theProcess" isExecutable="true">
    <startEvent id="start" />
    <userTask id="review" />
    <endEvent id="end" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
  </process>
</definitions>`;

/** The same process as a Dienstwerk definition: received -> (automatic) review -> done. */
const PROCESS = {
  schemaVersion: 1,
  id: "bench",
  version: "1.0.0",
  meta: {
    title: "Bench",
    description: "start -> user task -> end",
    leikaKey: "99000000000000",
    legalBasis: ["-"],
    orgUnit: "Bench",
    processingTime: { value: 1, unit: "days" },
    requiredDocuments: [],
  },
  form: { pages: [{ id: "p", title: "P", fields: [{ id: "name", type: "text", label: "Name" }] }] },
  process: {
    initialStatus: "received",
    statuses: [
      { id: "received", title: "Start", kind: "open" },
      { id: "review", title: "User task", kind: "open" },
      { id: "done", title: "End", kind: "final-positive" },
    ],
    actions: [
      { id: "start", title: "Start", from: ["received"], to: "review", automatic: true },
      { id: "complete", title: "Complete", from: ["review"], to: "done", roles: ["caseworker"] },
    ],
  },
};

function load(value: unknown): ServiceDefinition {
  const result = loadDefinition(value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

/**
 * Runs per second of CPU time consumed by this process (user + system): a figure per
 * core that holds even when other work shares the machine. Wall-clock rates are
 * printed beside it.
 */
type Rate = { perCpuSecond: number; perWallSecond: number };

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Runs `fn` repeatedly for `seconds` (after a short warm-up). */
async function rate(fn: () => unknown | Promise<unknown>, batch = 1): Promise<Rate> {
  const warmUpEnd = performance.now() + 300;
  while (performance.now() < warmUpEnd) for (let i = 0; i < batch; i++) await fn();
  let runs = 0;
  const cpuStart = cpuSeconds();
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < batch; i++) await fn();
    runs += batch;
  }
  const wall = (performance.now() - start) / 1000;
  return { perCpuSecond: runs / (cpuSeconds() - cpuStart), perWallSecond: runs / wall };
}

/** Same loop without await, for synchronous code (await would add a microtask per call). */
function rateSync(fn: () => unknown, batch = 100): Rate {
  const warmUpEnd = performance.now() + 300;
  while (performance.now() < warmUpEnd) for (let i = 0; i < batch; i++) fn();
  let runs = 0;
  const cpuStart = cpuSeconds();
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < batch; i++) fn();
    runs += batch;
  }
  const wall = (performance.now() - start) / 1000;
  return { perCpuSecond: runs / (cpuSeconds() - cpuStart), perWallSecond: runs / wall };
}

async function bpmnInstance(options: Record<string, unknown>): Promise<void> {
  const engine = new Engine(options);
  const listener = new EventEmitter();
  listener.on("wait", (api: { signal: (output?: unknown) => void }) => api.signal());
  const ended = engine.waitFor("end");
  await engine.execute({ listener });
  await ended;
}

function ourInstance(def: ServiceDefinition): void {
  const now = new Date("2026-03-02T09:00:00Z");
  const options = { land: "BE" as const };
  const started = startCase(
    def,
    { name: "Erika" },
    { id: "citizen", roles: ["applicant"] },
    now,
    options,
  );
  if (!started.ok) throw new Error(started.error.key);
  const done = performAction(
    def,
    started.state,
    "complete",
    { id: "cw", roles: ["caseworker"] },
    {},
    now,
    options,
  );
  if (!done.ok || done.state.status !== "done") throw new Error("instance did not end");
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const show = (r: Rate, unit: string) =>
  `${fmt(r.perCpuSecond).padStart(10)} ${unit}/s per core  (${fmt(r.perWallSecond)}/s wall clock)`;

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${cpus()[0]?.model ?? "cpu"} (${availableParallelism()} cores), single thread`,
  );
  console.log(`${seconds} s per measurement\n`);

  const form = load(fiftyFieldDefinition());
  const valid = fiftyFieldData();
  const invalid = { ...valid, email: "nope", iban: "DE00", dateOfBirth: "2030-01-01", extra: 1 };
  const today = { today: "2026-03-02" };
  if (!validateSubmission(form, valid, today).ok) throw new Error("bench data should be valid");
  const validRate = rateSync(() => validateSubmission(form, valid, today));
  const invalidRate = rateSync(() => validateSubmission(form, invalid, today));
  console.log("Form validation, 50 fields (15 FEEL rules, repeating group of 3 items)");
  console.log(
    `  valid submission                ${show(validRate, "validations")}  target >= 20,000`,
  );
  console.log(`  submission with 4 errors        ${show(invalidRate, "validations")}`);
  console.log();

  const def = load(PROCESS);
  const ours = rateSync(() => ourInstance(def));
  // bpmn-engine's own parser, so that its best case skips the XML parse per instance
  const { default: BpmnModdle } = await import("bpmn-moddle");
  const moddleContext = await new BpmnModdle().fromXML(BPMN);
  const bpmnFromXml = await rate(() => bpmnInstance({ source: BPMN }));
  const bpmnParsed = await rate(() => bpmnInstance({ moddleContext }));

  console.log("Process instances (start -> user task completed -> end)");
  console.log(`  dienstwerk core                 ${show(ours, "instances")}`);
  console.log(`  bpmn-engine (XML per instance)  ${show(bpmnFromXml, "instances")}`);
  console.log(`  bpmn-engine (XML parsed once)   ${show(bpmnParsed, "instances")}`);
  console.log(
    `  ratio vs best bpmn-engine case  ${(ours.perCpuSecond / Math.max(bpmnFromXml.perCpuSecond, bpmnParsed.perCpuSecond)).toFixed(0).padStart(12)}x  (target >= 100x)\n`,
  );
  const bestBpmn = Math.max(bpmnFromXml.perCpuSecond, bpmnParsed.perCpuSecond);
  report([
    {
      bench: "engine",
      measurement: "process instances/s per core (start → task → end)",
      value: ours.perCpuSecond,
      unit: "/s",
      reference: "bpmn-engine, best case",
      referenceValue: bestBpmn,
      better: "higher",
      target: "≥ 100 × reference",
      met: ours.perCpuSecond >= 100 * bestBpmn,
    },
    {
      bench: "engine",
      measurement: "50-field form validations/s per core",
      value: validRate.perCpuSecond,
      unit: "/s",
      reference: "same form, submission with 4 errors",
      referenceValue: invalidRate.perCpuSecond,
      better: "higher",
      target: "≥ 20,000/s",
      met: validRate.perCpuSecond >= 20_000,
    },
  ]);
}

await main();
