/**
 * Testlauf: the service run end to end in the browser with the core engine — the form filled
 * with sample or own data and validated, the case started, actions performed as different
 * people (second approval by another), fees, notices (the server's preview with the run's data)
 * and messages shown. Nothing is saved and nothing is sent: no case, no document, no mail.
 */
import "../documents/documents.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import {
  type ActionDef,
  type Actor,
  assessFees,
  availableActions,
  type Bundesland,
  type CaseEffect,
  type CaseEvent,
  type CaseState,
  type CompiledExpression,
  caseContext,
  compileFeel,
  composeDocument,
  type FeeAssessment,
  firstValueOfType,
  formatCents,
  formatMessage,
  germanDate,
  germanDateText,
  loadDefinition,
  type Problem,
  performAction,
  rejectProposal,
  type ServiceDefinition,
  SYSTEM_ACTOR,
  sampleActionInput,
  sampleData,
  startCase,
  validateSubmission,
  withStandInMeta,
} from "../../core/index.ts";
import type { TabProps } from "../context.ts";
import { PdfPreview, usePdfPreview } from "../documents/PdfPreview.tsx";
import type { Def } from "../store.ts";
import { Alert, Button, Select, TextArea } from "../ui.tsx";
import { controlId, DataForm } from "./DataForm.tsx";
import { useSticky } from "./sticky.ts";

type Data = Record<string, unknown>;
type ActorKey = "caseworker" | "caseworker2" | "approver" | "applicant" | "system";

const ACTORS: Record<ActorKey, { label: string; actor: Actor }> = {
  caseworker: {
    label: "Sachbearbeitung (Person A)",
    actor: { id: "sachbearbeitung-a", roles: ["caseworker"] },
  },
  caseworker2: {
    label: "Sachbearbeitung (Person B, eine zweite Person)",
    actor: { id: "sachbearbeitung-b", roles: ["caseworker", "approver"] },
  },
  approver: { label: "Freigabe (Person C)", actor: { id: "freigabe-c", roles: ["approver"] } },
  applicant: {
    label: "Antragstellerin oder Antragsteller",
    actor: { id: "antragsteller", roles: ["applicant"] },
  },
  system: { label: "System (automatische und zeitgesteuerte Aktionen)", actor: SYSTEM_ACTOR },
};

const SAMPLE_REFERENCE = "MUSTER-2026-0001";

const CHANNELS: Record<string, string> = {
  postbox: "ins Postfach",
  mail: "per Post",
  email: "per E-Mail",
  print: "zum Druck",
};

function actorLabel(id: string): string {
  return Object.values(ACTORS).find((a) => a.actor.id === id)?.label ?? id;
}

type Notice = { id: string; title: string; data: Data; status: string; payment: boolean };
type Message = { to: string; subject: string; body: string };
type LogLine = { text: string };

type Run = {
  def: ServiceDefinition;
  raw: Def;
  state: CaseState;
  events: CaseEvent[];
  effects: LogLine[];
  notices: Notice[];
  messages: Message[];
  submittedOn: string;
};

type Facts = { tenant: Record<string, string>; land: Bundesland };

export function TestRunTab({ store, state, ctx }: TabProps) {
  const loaded = useMemo(() => loadDefinition(withStandInMeta(state.def)), [state.def]);
  const [facts, setFacts] = useState<Facts | null>(null);
  const [factsError, setFactsError] = useState<string | null>(null);
  const [data, setData] = useSticky<Data>(store, "testrun.data", {});
  const [errors, setErrors] = useSticky<Problem[]>(store, "testrun.errors", []);
  const [run, setRun] = useSticky<Run | null>(store, "testrun.run", null);
  const [now, setNow] = useSticky(store, "testrun.now", () => new Date());
  const [announce, setAnnounce] = useState("");

  useEffect(() => {
    ctx.api
      .get<Facts>("/sandbox")
      .then(setFacts)
      .catch((e: Error) => {
        setFactsError(e.message);
        setFacts({ tenant: { name: ctx.tenantName }, land: "BE" });
      });
  }, []);

  const today = germanDate(now);

  if (!loaded.ok) {
    return (
      <div class="studio-testrun">
        <TestRunIntro />
        <Alert kind="danger" title="Der Testlauf ist noch nicht möglich" role="alert">
          <p class="kern-body">
            Der Entwurf hat Fehler, die zuerst behoben werden müssen ({loaded.problems.length}):
          </p>
          <ul class="studio-problems">
            {loaded.problems.slice(0, 15).map((p, i) => (
              <li key={i} class="kern-body">
                {formatMessage(p.key, p.params)}{" "}
                {p.path ? (
                  <button type="button" class="link-button" onClick={() => store.jump(p.path)}>
                    Zur Stelle <code>{p.path}</code>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </Alert>
      </div>
    );
  }
  const def = loaded.definition;
  const formFields = def.form.pages.flatMap((p) => p.fields);

  // what the form asks with the answers so far (as the citizen form shows and hides)
  const context = feelContext(def, data, today);
  const shown = (rule: string | undefined) => {
    if (!rule || !context) return true;
    try {
      return compiled(rule).value(context) === true;
    } catch {
      return true;
    }
  };

  function fillSample() {
    setData(sampleData(def, { today }));
    setErrors([]);
    setAnnounce("Beispieldaten sind eingesetzt.");
  }

  function submit() {
    if (!facts) return;
    const checked = validateSubmission(def, data, { today });
    if (!checked.ok) {
      setErrors(checked.errors);
      setAnnounce(`Der Antrag hat ${checked.errors.length} Fehler.`);
      requestAnimationFrame(() => document.getElementById("testrun-errors")?.focus());
      return;
    }
    setErrors([]);
    const result = startCase(def, checked.data, ACTORS.applicant.actor, now, { land: facts.land });
    if (!result.ok) {
      setErrors([result.error, ...(result.problems ?? [])]);
      return;
    }
    const first: Run = {
      def,
      raw: state.def,
      state: result.state,
      events: [],
      effects: [],
      notices: [],
      messages: [],
      submittedOn: today,
    };
    setRun(apply(first, result.events, result.effects, facts, today));
    setAnnounce(`Der Testvorgang ist angelegt: ${statusTitle(def, result.state.status)}.`);
  }

  return (
    <div class="studio-testrun">
      <TestRunIntro />
      {factsError ? (
        <Alert kind="warning" title="Die Angaben Ihrer Kommune fehlen im Testlauf">
          <p class="kern-body">{factsError}</p>
        </Alert>
      ) : null}
      <p class="kern-sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {run && run.raw !== state.def ? (
        <Alert kind="warning" title="Der Entwurf wurde geändert">
          <p class="kern-body">
            Der Testlauf verwendet weiter den Stand vom Beginn. Beginnen Sie ihn neu, um die
            Änderungen auszuprobieren.
          </p>
        </Alert>
      ) : null}
      <div class="studio-toolbar">
        <p class="kern-body">
          Datum im Testlauf: <strong id="testrun-date">{germanDateText(today)}</strong>
        </p>
        <Button small onClick={() => setNow(new Date(now.getTime() + 86_400_000))}>
          Einen Tag vorspulen
        </Button>
        {run?.state.timers?.length ? (
          <Button
            small
            onClick={() => {
              const due = [...(run.state.timers ?? [])].sort((a, b) =>
                a.dueAt.localeCompare(b.dueAt),
              )[0];
              if (due) setNow(new Date(`${due.dueAt}T09:00:00`));
            }}
          >
            Bis zur nächsten Frist vorspulen
          </Button>
        ) : null}
      </div>

      {!run ? (
        <section class="studio-section" aria-labelledby="testrun-form-heading">
          <h2 class="kern-title kern-title--medium" id="testrun-form-heading">
            1. Antrag ausfüllen
          </h2>
          <div class="studio-toolbar">
            <button
              type="button"
              class="kern-btn kern-btn--secondary"
              id="testrun-sample"
              onClick={fillSample}
            >
              <span class="kern-label">Beispieldaten erzeugen</span>
            </button>
          </div>
          {errors.length > 0 ? (
            <div
              class="kern-alert kern-alert--danger"
              role="alert"
              id="testrun-errors"
              tabIndex={-1}
            >
              <div class="kern-alert__header">
                <span class="kern-title">Bitte prüfen Sie den Antrag ({errors.length} Fehler)</span>
              </div>
              <div class="kern-alert__body">
                <ul>
                  {errors.map((e, i) => (
                    <li key={i} class="kern-body">
                      <a class="kern-link" href={`#${controlId("tr", e.path)}`}>
                        {e.path ? `${fieldLabel(def, e.path)}: ` : ""}
                        {formatMessage(e.key, e.params)}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
          {def.form.pages
            .filter((page) => shown(page.visibleIf))
            .map((page) => (
              <fieldset class="studio-fieldset" key={page.id}>
                <legend class="kern-title kern-title--small">{page.title}</legend>
                <DataForm
                  def={def}
                  fields={page.fields.filter((f) => shown(f.visibleIf))}
                  data={data}
                  onChange={setData}
                  errors={errors}
                  prefix="tr"
                />
              </fieldset>
            ))}
          <div class="studio-toolbar">
            <button
              type="button"
              class="kern-btn kern-btn--primary"
              id="testrun-submit"
              onClick={submit}
              disabled={!facts}
            >
              <span class="kern-label">Antrag absenden (Testlauf)</span>
            </button>
          </div>
          {formFields.length === 0 ? <p class="kern-body">Das Formular hat keine Felder.</p> : null}
        </section>
      ) : (
        <CaseView
          owner={store}
          run={run}
          facts={facts!}
          now={now}
          onRun={setRun}
          onAnnounce={setAnnounce}
          ctx={ctx}
          slug={store.slug}
          onReset={() => {
            setRun(null);
            setAnnounce("Der Testlauf beginnt von vorn.");
          }}
        />
      )}
    </div>
  );
}

const rules = new Map<string, CompiledExpression>();
function compiled(rule: string): CompiledExpression {
  let c = rules.get(rule);
  if (!c) {
    c = compileFeel(rule);
    rules.set(rule, c);
  }
  return c;
}

/** The FEEL names of the form's answers so far, or null when they cannot be read. */
function feelContext(def: ServiceDefinition, data: Data, today: string) {
  try {
    const state = { status: def.process.initialStatus, data, version: 0, statusEnteredAt: "" };
    return caseContext(def, state, data, today);
  } catch {
    return null;
  }
}

function TestRunIntro() {
  return (
    <>
      <h2 class="kern-title kern-title--medium">Testlauf</h2>
      <Alert kind="info" title="Im Testlauf wird nichts gespeichert und nichts versendet.">
        <p class="kern-body">
          Der Dienst läuft hier nur in Ihrem Browser: Es entsteht kein Vorgang, kein Bescheid wird
          abgelegt, keine Nachricht und keine E-Mail verschickt. Bescheide sehen Sie als
          Muster-Vorschau.
        </p>
      </Alert>
    </>
  );
}

function statusTitle(def: ServiceDefinition, id: string): string {
  return def.process.statuses.find((s) => s.id === id)?.title ?? id;
}

function actionTitle(def: ServiceDefinition, id: string | undefined): string {
  return def.process.actions.find((a) => a.id === id)?.title ?? id ?? "";
}

/** The label of the field an error path names (`dogs[0].dogName` -> "Name des Hundes"). */
function fieldLabel(def: ServiceDefinition, path: string): string {
  const ids = path.split(/[.[\]]+/).filter((x) => x && !/^\d+$/.test(x));
  const fields = def.form.pages.flatMap((p) => p.fields);
  const inputs = def.process.actions.flatMap((a) => a.input ?? []);
  for (const id of ids.reverse()) {
    const all = [
      ...fields,
      ...fields.flatMap((f) => (f.type === "group" ? f.fields : [])),
      ...inputs,
    ];
    const hit = all.find((f) => f.id === id);
    if (hit && "label" in hit && hit.label) return hit.label;
  }
  return path;
}

/** The run after a step: its events, and what its effects would have done. */
function apply(
  run: Run,
  events: CaseEvent[],
  effects: CaseEffect[],
  facts: Facts,
  today: string,
): Run {
  const def = run.def;
  const next: Run = {
    ...run,
    events: [...run.events, ...events],
    effects: [...run.effects],
    notices: [...run.notices],
    messages: [...run.messages],
  };
  for (const effect of effects) {
    next.effects.push({ text: `${actionTitle(def, effect.actionId)}: ${effectText(def, effect)}` });
    if (effect.type === "generateDocument") {
      const doc = def.documents?.find((d) => d.id === effect.document);
      next.notices.push({
        id: effect.document,
        title: doc?.title ?? effect.document,
        data: run.state.data,
        status: run.state.status,
        payment: doc?.payment !== undefined,
      });
    } else if (effect.type === "messageApplicant" || effect.type === "notifyStaff") {
      const to =
        effect.type === "messageApplicant"
          ? "An die Antragstellerin oder den Antragsteller (Postfach)"
          : `An Mitarbeitende${effect.roles?.length ? ` (${effect.roles.join(", ")})` : ""}`;
      next.messages.push({ to, ...message(def, effect.notification, run, facts, today) });
    }
  }
  return next;
}

function effectText(def: ServiceDefinition, e: CaseEffect): string {
  switch (e.type) {
    case "generateDocument":
      return `Dokument „${def.documents?.find((d) => d.id === e.document)?.title ?? e.document}“ erstellen (hier nur als Vorschau)`;
    case "deliver":
      return `Dokument „${def.documents?.find((d) => d.id === e.document)?.title ?? e.document}“ zustellen${e.channel ? ` (${CHANNELS[e.channel] ?? e.channel})` : ""} – im Testlauf nicht versendet`;
    case "messageApplicant":
      return `Nachricht „${e.notification}“ ins Postfach – im Testlauf nicht versendet`;
    case "notifyStaff":
      return `Mitarbeitende benachrichtigen („${e.notification}“) – im Testlauf nicht versendet`;
    case "assessFee":
      return `Gebühren festsetzen: ${e.fees ? formatCents(e.fees.totalCents) : "–"}`;
    case "setFollowUp":
      return `Wiedervorlage am ${e.followUp ? germanDateText(e.followUp) : "–"}${e.note ? `: ${e.note}` : ""}`;
    case "assign":
      return `Zuweisen${e.orgUnit ? ` an ${e.orgUnit}` : ""}${e.toActor ? " an die handelnde Person" : ""}`;
    case "archive":
      return `Archivieren${e.retentionYears !== undefined ? ` (Aufbewahrung ${e.retentionYears} Jahre)` : ""}`;
    case "webhook":
      return `Webhook ${e.url} – im Testlauf nicht aufgerufen`;
    case "setData":
      return `Wert „${e.field}“ setzen`;
  }
}

/** A notification with its placeholders filled from the run, as the postbox would show it. */
function message(
  def: ServiceDefinition,
  id: string,
  run: Run,
  facts: Facts,
  today: string,
): { subject: string; body: string } {
  const note = def.notifications?.find((n) => n.id === id);
  if (!note) return { subject: `Nachricht „${id}“ fehlt in der Dienstbeschreibung`, body: "" };
  const data = run.state.data;
  const name = firstValueOfType<Record<string, string>>(def, data, "personName");
  const address = firstValueOfType<Record<string, string>>(def, data, "address");
  try {
    const composed = composeDocument(
      {
        ...def,
        documents: [
          {
            id: "_message",
            title: note.subject,
            kind: "letter",
            blocks: [{ text: note.subject }, { text: note.body }],
          },
        ],
      },
      "_message",
      run.state,
      {
        case: { reference: SAMPLE_REFERENCE, submittedAt: run.submittedOn },
        tenant: facts.tenant,
        applicant: {
          name: name ? [name.givenName, name.familyName].filter(Boolean).join(" ") : "",
          address: address
            ? `${address.street ?? ""} ${address.houseNumber ?? ""}, ${address.postcode ?? ""} ${address.city ?? ""}`.trim()
            : "",
        },
        today,
      },
    );
    const [subject, body] = composed?.paragraphs.map((p) => p.text) ?? [];
    return { subject: subject ?? note.subject, body: body ?? note.body };
  } catch (err) {
    return { subject: note.subject, body: `${note.body}\n\n(${(err as Error).message})` };
  }
}

function CaseView(p: {
  owner: object;
  run: Run;
  facts: Facts;
  now: Date;
  onRun: (run: Run) => void;
  onAnnounce: (text: string) => void;
  onReset: () => void;
  ctx: TabProps["ctx"];
  slug: string;
}) {
  const { run, now } = p;
  const def = run.def;
  const today = germanDate(now);
  const [actorKey, setActorKey] = useSticky<ActorKey>(p.owner, "testrun.actor", "caseworker");
  const [chosen, setChosen] = useState<{ action: ActionDef; kind: string } | null>(null);
  const [input, setInput] = useState<Data>({});
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = usePdfPreview(p.ctx, p.slug);
  const [previewTitle, setPreviewTitle] = useState("");
  const actor = ACTORS[actorKey].actor;
  const status = def.process.statuses.find((s) => s.id === run.state.status);
  const final = status?.kind === "final-positive" || status?.kind === "final-negative";
  const actions = availableActions(def, run.state, actor, now);

  function choose(actionId: string, kind: string) {
    const action = def.process.actions.find((a) => a.id === actionId);
    if (!action) return;
    setProblems([]);
    setRefusal(null);
    setReason("");
    if (kind === "perform" && (action.input?.length ?? 0) > 0) {
      setChosen({ action, kind });
      setInput({});
      requestAnimationFrame(() => document.getElementById("testrun-action-form")?.focus());
      return;
    }
    if (kind === "reject") {
      setChosen({ action, kind });
      requestAnimationFrame(() => document.getElementById("testrun-action-form")?.focus());
      return;
    }
    perform(action, kind, {});
  }

  function perform(action: ActionDef, kind: string, values: Data) {
    const result =
      kind === "reject"
        ? rejectProposal(def, run.state, actor, reason, now)
        : performAction(def, run.state, action.id, actor, values, now, { land: p.facts.land });
    if (!result.ok) {
      setRefusal(formatMessage(result.error.key, result.error.params));
      setProblems(result.problems ?? []);
      p.onAnnounce(
        `Die Aktion wurde abgelehnt: ${formatMessage(result.error.key, result.error.params)}`,
      );
      return;
    }
    setChosen(null);
    setProblems([]);
    setRefusal(null);
    const next = apply(
      { ...run, state: result.state },
      result.events,
      result.effects,
      p.facts,
      today,
    );
    p.onRun(next);
    const pending = result.state.pending;
    p.onAnnounce(
      pending
        ? `„${action.title}“ ist vorgeschlagen und wartet auf die Freigabe durch eine zweite Person.`
        : `„${action.title}“ ausgeführt. Neuer Stand: ${statusTitle(def, result.state.status)}.`,
    );
  }

  async function showNotice(n: Notice) {
    setPreviewTitle(n.title);
    await preview.refresh({ definition: run.raw, document: n.id, data: n.data, status: n.status });
    requestAnimationFrame(() =>
      document.getElementById("testrun-preview")?.scrollIntoView({ block: "nearest" }),
    );
  }

  return (
    <div class="studio-testrun__case">
      <section class="studio-section" aria-labelledby="testrun-case-heading">
        <h2 class="kern-title kern-title--medium" id="testrun-case-heading">
          2. Testvorgang {SAMPLE_REFERENCE}
        </h2>
        <dl class="studio-facts">
          <dt class="kern-label">Stand</dt>
          <dd class="kern-body" id="testrun-status">
            {statusTitle(def, run.state.status)}
            {final ? " – der Vorgang ist abgeschlossen" : ""}
          </dd>
          {run.state.dueDate ? (
            <>
              <dt class="kern-label">Frist</dt>
              <dd class="kern-body" id="testrun-deadline">
                {germanDateText(run.state.dueDate)}
              </dd>
            </>
          ) : null}
          {run.state.followUp ? (
            <>
              <dt class="kern-label">Wiedervorlage</dt>
              <dd class="kern-body">{germanDateText(run.state.followUp)}</dd>
            </>
          ) : null}
          {run.state.timers?.length ? (
            <>
              <dt class="kern-label">Zeitgesteuert</dt>
              <dd class="kern-body">
                {run.state.timers
                  .map((t) => `„${actionTitle(def, t.actionId)}“ ab ${germanDateText(t.dueAt)}`)
                  .join("; ")}
              </dd>
            </>
          ) : null}
          {run.state.pending ? (
            <>
              <dt class="kern-label">Wartet auf Freigabe</dt>
              <dd class="kern-body" id="testrun-pending">
                „{actionTitle(def, run.state.pending.actionId)}“, vorgeschlagen von{" "}
                {actorLabel(run.state.pending.proposedBy)}. Eine andere Person mit Freigaberecht
                gibt frei: Wählen Sie unten eine zweite Person.
              </dd>
            </>
          ) : null}
        </dl>
        <div class="studio-toolbar">
          <button
            type="button"
            class="kern-btn kern-btn--tertiary"
            id="testrun-reset"
            onClick={p.onReset}
          >
            <span class="kern-label">Testlauf neu beginnen</span>
          </button>
        </div>
      </section>

      <section class="studio-section" aria-labelledby="testrun-actions-heading">
        <h2 class="kern-title kern-title--medium" id="testrun-actions-heading">
          3. Bearbeiten
        </h2>
        <Select
          label="Sie handeln als"
          id="testrun-actor"
          value={actorKey}
          options={Object.entries(ACTORS).map(([value, a]) => ({ value, label: a.label }))}
          onChange={(v) => {
            setActorKey(v as ActorKey);
            setChosen(null);
            setRefusal(null);
          }}
        />
        {actions.length === 0 ? (
          <p class="kern-body" id="testrun-no-actions">
            {final
              ? "Der Vorgang ist abgeschlossen; es gibt keine weiteren Aktionen."
              : `Als ${ACTORS[actorKey].label} können Sie gerade nichts tun. Wählen Sie eine andere Rolle${run.state.timers?.length ? " oder spulen Sie bis zur Frist vor" : ""}.`}
          </p>
        ) : (
          <ul class="studio-actions" aria-label="Mögliche Aktionen">
            {actions.map((a) => (
              <li key={`${a.actionId}-${a.kind}`}>
                <button
                  type="button"
                  class="kern-btn kern-btn--secondary"
                  data-action={a.actionId}
                  data-kind={a.kind}
                  onClick={() => choose(a.actionId, a.kind)}
                >
                  <span class="kern-label">
                    {a.kind === "approve"
                      ? `„${a.title}“ freigeben`
                      : a.kind === "reject"
                        ? `Vorschlag „${a.title}“ ablehnen`
                        : a.title}
                    {a.kind === "perform" && a.needsSecondApproval ? " (mit Freigabe)" : ""}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {refusal ? (
          <Alert kind="danger" title={refusal} role="alert">
            {problems.length ? (
              <ul>
                {problems.map((pr, i) => (
                  <li key={i} class="kern-body">
                    {fieldLabel(def, pr.path)}: {formatMessage(pr.key, pr.params)}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {chosen ? (
          <section
            class="studio-fieldset studio-action-form"
            id="testrun-action-form"
            tabIndex={-1}
            aria-labelledby="testrun-action-form-title"
          >
            <h3 class="kern-title kern-title--small" id="testrun-action-form-title">
              {chosen.kind === "reject"
                ? `Vorschlag „${chosen.action.title}“ ablehnen`
                : `„${chosen.action.title}“`}
            </h3>
            {chosen.kind === "reject" ? (
              <TextArea label="Begründung (optional)" value={reason} onInput={setReason} />
            ) : (
              <>
                <div class="studio-toolbar">
                  <button
                    type="button"
                    class="kern-btn kern-btn--secondary"
                    id="testrun-action-sample"
                    onClick={() => setInput(sampleActionInput(def, chosen.action, today))}
                  >
                    <span class="kern-label">Beispielwerte einsetzen</span>
                  </button>
                </div>
                <DataForm
                  def={def}
                  fields={chosen.action.input ?? []}
                  data={input}
                  onChange={setInput}
                  errors={problems}
                  prefix="tr"
                  basePath="input"
                />
              </>
            )}
            <div class="studio-toolbar">
              <button
                type="button"
                class="kern-btn kern-btn--primary"
                id="testrun-perform"
                onClick={() => perform(chosen.action, chosen.kind, input)}
              >
                <span class="kern-label">
                  {chosen.kind === "reject" ? "Ablehnen" : "Aktion ausführen"}
                </span>
              </button>
              <Button variant="tertiary" onClick={() => setChosen(null)}>
                Abbrechen
              </Button>
            </div>
          </section>
        ) : null}
      </section>

      <div class="studio-testrun__grid">
        <section class="studio-section" aria-labelledby="testrun-fees-heading" id="testrun-fees">
          <h2 class="kern-title kern-title--medium" id="testrun-fees-heading">
            Gebühren
          </h2>
          {run.state.fees ? (
            <FeeTable
              fees={run.state.fees}
              caption="Festgesetzte Gebühren"
              totalId="testrun-fees-total"
            />
          ) : (
            <FeeEstimate def={def} state={run.state} today={today} />
          )}
        </section>

        <section class="studio-section" aria-labelledby="testrun-history-heading">
          <h2 class="kern-title kern-title--medium" id="testrun-history-heading">
            Verlauf
          </h2>
          <ol id="testrun-history">
            {run.events.map((e) => (
              <li key={e.seq} class="kern-body">
                {eventText(def, e)}
              </li>
            ))}
          </ol>
          <h3 class="kern-title kern-title--small">Auswirkungen</h3>
          {run.effects.length ? (
            <ul id="testrun-effects">
              {run.effects.map((e, i) => (
                <li key={i} class="kern-body">
                  {e.text}
                </li>
              ))}
            </ul>
          ) : (
            <p class="kern-body">Noch keine.</p>
          )}
        </section>
      </div>

      <section class="studio-section" aria-labelledby="testrun-docs-heading">
        <h2 class="kern-title kern-title--medium" id="testrun-docs-heading">
          Bescheide und Schreiben
        </h2>
        {run.notices.length ? (
          <ul id="testrun-documents">
            {run.notices.map((n, i) => (
              <li key={i} class="kern-body">
                {n.title}
                {n.payment ? " (Gebührenbescheid)" : ""}{" "}
                <button
                  type="button"
                  class="kern-btn kern-btn--secondary studio-btn--small"
                  data-preview-document={n.id}
                  onClick={() => showNotice(n)}
                >
                  <span class="kern-label">Vorschau öffnen</span>
                  <span class="kern-sr-only">: {n.title}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">Noch keine Dokumente erstellt.</p>
        )}
        {preview.state.status !== "idle" ? (
          <PdfPreview
            id="testrun-preview"
            preview={preview.state}
            title={`Vorschau: ${previewTitle}`}
            fileName={`testlauf-${preview.state.document ?? "dokument"}.pdf`}
          />
        ) : null}
      </section>

      <section class="studio-section" aria-labelledby="testrun-messages-heading">
        <h2 class="kern-title kern-title--medium" id="testrun-messages-heading">
          Nachrichten
        </h2>
        {run.messages.length ? (
          <ul id="testrun-messages" class="studio-findings">
            {run.messages.map((m, i) => (
              <li key={i} class="studio-message">
                <p class="kern-body studio-muted">{m.to} – im Testlauf nicht versendet</p>
                <p class="kern-body">
                  <strong>{m.subject}</strong>
                </p>
                <p class="kern-body">{m.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">Noch keine Nachrichten.</p>
        )}
      </section>
    </div>
  );
}

function FeeTable(p: { fees: FeeAssessment; caption: string; totalId?: string }) {
  return (
    <table class="studio-table">
      <caption class="kern-sr-only">{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Position</th>
          <th scope="col">Rechtsgrundlage</th>
          <th scope="col" class="studio-amount">
            Betrag
          </th>
        </tr>
      </thead>
      <tbody>
        {p.fees.lines.map((l) => (
          <tr key={l.id}>
            <td>{l.label}</td>
            <td>{l.legalBasis}</td>
            <td class="studio-amount">{formatCents(l.amountCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Gesamt
          </th>
          <td class="studio-amount" id={p.totalId}>
            <strong>{formatCents(p.fees.totalCents)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Before an action assesses them: the fees the schedule gives for the data so far. */
function FeeEstimate(p: { def: ServiceDefinition; state: CaseState; today: string }) {
  if (!p.def.fees) return <p class="kern-body">Dieser Dienst hat keine Gebühren.</p>;
  const result = assessFees(p.def, caseContext(p.def, p.state, p.state.data, p.today));
  return (
    <>
      <p class="kern-body">
        Noch nicht festgesetzt (das tut eine Aktion mit der Wirkung „Gebühren festsetzen“).
        {result.ok ? " Nach den bisherigen Angaben voraussichtlich:" : ""}
      </p>
      {result.ok ? (
        <FeeTable fees={result.assessment} caption="Voraussichtliche Gebühren" />
      ) : (
        <p class="kern-body studio-muted">
          Mit den bisherigen Angaben noch nicht berechenbar:{" "}
          {result.problems.map((x) => formatMessage(x.key, x.params)).join(" ")}
        </p>
      )}
    </>
  );
}

function eventText(def: ServiceDefinition, e: CaseEvent): string {
  const who = actorLabel(e.actorId);
  const title = actionTitle(def, e.actionId);
  switch (e.type) {
    case "case.started":
      return `Antrag eingegangen – Stand: ${statusTitle(def, e.to ?? "")}`;
    case "action.performed":
      return `„${title}“ (${who}): ${statusTitle(def, e.from ?? "")} → ${statusTitle(def, e.to ?? "")}`;
    case "action.proposed":
      return `„${title}“ vorgeschlagen (${who}) – wartet auf Freigabe`;
    case "action.approved":
      return `„${title}“ freigegeben (${who})`;
    case "proposal.rejected":
      return `Vorschlag „${title}“ abgelehnt (${who})${e.reason ? `: ${e.reason}` : ""}`;
  }
}
