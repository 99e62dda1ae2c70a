/**
 * Bescheide und Nachrichten: the service's documents (notices, letters) composed of blocks —
 * free text or a text block of the service or the municipality, each optionally conditional —
 * the placeholder list that inserts `{{name}}` at the cursor, the server's live PDF preview with
 * sample data, the service's own text blocks and its notifications.
 */
import "./documents.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { type Finding, formatMessage } from "../../core/index.ts";
import type { StudioContext, TabProps } from "../context.ts";
import { type Def, type DraftStore, findingsAt } from "../store.ts";
import { useSticky } from "../testrun/sticky.ts";
import { Button, Checkbox, move, Select, TextInput } from "../ui.tsx";
import { PdfPreview, usePdfPreview } from "./PdfPreview.tsx";
import { type PlaceholderGroup, placeholderGroups, type TextScope } from "./placeholders.ts";
import { TextField, type TextTarget } from "./TextField.tsx";

// biome-ignore lint/suspicious/noExplicitAny: draft JSON
type Json = any;

const list = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9_]*$/;

const KINDS = [
  { value: "notice", label: "Bescheid" },
  { value: "letter", label: "Schreiben" },
  { value: "receipt", label: "Eingangsbestätigung" },
];

/** The messages of the findings at exactly `path`, as one text. */
function errorsAt(findings: Finding[], path: string): string | undefined {
  const here = findings.filter((f) => f.path === path);
  return here.length ? here.map((f) => formatMessage(f.key, f.params)).join(" ") : undefined;
}

/** A fresh identifier `base`, `base2`, … not in `taken`. */
function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** Where placeholders go: the text control last focused, and what it may name. */
type Target = { el: TextTarget; apply: (v: string) => void; scope: TextScope; label: string };

export function DocumentsTab({ store, state, ctx }: TabProps) {
  const def = state.def;
  const docs = list(def.documents);
  const [selected, setSelected] = useSticky(store, "documents.selected", 0);
  const [scope, setScope] = useState<{ scope: TextScope; label: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const target = useRef<Target | null>(null);
  const current = Math.min(selected, Math.max(0, docs.length - 1));

  // a jump from the linter to a document's place selects that document
  useEffect(() => {
    const m = state.focus?.path.match(/^documents\[(\d+)\]/);
    if (m) setSelected(Number(m[1]));
  }, [state.focus?.seq]);

  // the placeholder list follows the selected document until a text is focused in it
  useEffect(() => {
    target.current = null;
    setScope(null);
  }, [current]);

  function focusText(el: TextTarget, apply: (v: string) => void, s: TextScope, label: string) {
    target.current = { el, apply, scope: s, label };
    if (scope?.label !== label || JSON.stringify(scope.scope) !== JSON.stringify(s))
      setScope({ scope: s, label });
  }

  function insert(name: string) {
    const t = target.current;
    const token = `{{${name}}}`;
    if (!t?.el.isConnected) {
      setAnnouncement(
        "Bitte setzen Sie zuerst den Cursor in ein Textfeld; dort wird der Platzhalter eingefügt.",
      );
      return;
    }
    const value = t.el.value;
    const start = t.el.selectionStart ?? value.length;
    const end = t.el.selectionEnd ?? start;
    const next = value.slice(0, start) + token + value.slice(end);
    const caret = start + token.length;
    // the control shows the text at once, the cursor after the placeholder; the draft follows
    t.el.value = next;
    t.el.focus();
    t.el.setSelectionRange(caret, caret);
    t.apply(next);
    setAnnouncement(`${token} eingefügt in „${t.label}“.`);
  }

  function addDocument() {
    store.change((d) => {
      d.documents = list(d.documents);
      const id = freshId(
        "bescheid",
        d.documents.map((x: Json) => x?.id),
      );
      d.documents.push({
        id,
        title: "Bescheid",
        kind: "notice",
        blocks: [{ text: "Sehr geehrte Damen und Herren," }],
      });
    });
    setSelected(docs.length);
  }

  const panelScope: TextScope = scope?.scope ?? { kind: "document", doc: current };
  const groups = placeholderGroups(def, panelScope);

  return (
    <div class="studio-docs">
      <div class="studio-docs__main">
        <section class="studio-section" aria-labelledby="docs-heading">
          <h2 class="kern-title kern-title--medium" id="docs-heading">
            Bescheide und Schreiben
          </h2>
          <p class="kern-body">
            Ein Dokument besteht aus Bausteinen: freiem Text oder Textbausteinen Ihrer Kommune bzw.
            dieses Dienstes. Platzhalter wie <code>{"{{case.reference}}"}</code> werden beim
            Erstellen mit den Daten des Vorgangs gefüllt. Aktionen im Reiter „Ablauf“ erzeugen die
            Dokumente.
          </p>
          {docs.length > 0 ? (
            <ul class="studio-doclist" aria-label="Dokumente">
              {docs.map((doc, d) => (
                <li key={d}>
                  <button
                    type="button"
                    class={`studio-doclist__item${d === current ? " studio-doclist__item--current" : ""}`}
                    aria-current={d === current ? "true" : undefined}
                    id={`doc-select-${d}`}
                    onClick={() => setSelected(d)}
                  >
                    {doc?.title || "(ohne Titel)"}{" "}
                    <span class="studio-muted">
                      ({KINDS.find((k) => k.value === (doc?.kind ?? "notice"))?.label ?? doc?.kind}
                      {doc?.payment ? ", mit Gebühren" : ""})
                    </span>
                    {findingsAt(state.findings, `documents[${d}]`).some(
                      (f) => f.severity === "error",
                    ) ? (
                      <span class="studio-badge">
                        !<span class="kern-sr-only"> enthält Fehler</span>
                      </span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="kern-body studio-muted">Dieser Dienst hat noch keine Dokumente.</p>
          )}
          <div class="studio-toolbar">
            <Button id="doc-add" onClick={addDocument}>
              Dokument hinzufügen
            </Button>
          </div>
          {docs[current] ? (
            <DocumentEditor
              key={current}
              d={current}
              doc={docs[current]}
              def={def}
              store={store}
              findings={state.findings}
              ctx={ctx}
              onFocusText={focusText}
              onRemoved={() => setSelected(Math.max(0, current - 1))}
            />
          ) : null}
        </section>
        <TextBlocksSection
          store={store}
          def={def}
          findings={state.findings}
          onFocusText={focusText}
        />
        <NotificationsSection
          store={store}
          def={def}
          findings={state.findings}
          onFocusText={focusText}
        />
      </div>
      <PlaceholderPanel
        groups={groups}
        targetLabel={scope?.label}
        onInsert={insert}
        announcement={announcement}
      />
    </div>
  );
}

type FocusText = (el: TextTarget, apply: (v: string) => void, s: TextScope, label: string) => void;

function DocumentEditor(p: {
  d: number;
  doc: Json;
  def: Def;
  store: DraftStore;
  findings: Finding[];
  ctx: StudioContext;
  onFocusText: FocusText;
  onRemoved: () => void;
}) {
  const { d, doc, store, findings } = p;
  const path = `documents[${d}]`;
  const blocks = list(doc.blocks);
  const change = (recipe: (doc: Json, draft: Def) => void) =>
    store.change((draft) => {
      const target = draft.documents?.[d];
      if (target) recipe(target, draft);
    });

  function rename(id: string) {
    change((x, draft) => {
      const old = x.id;
      x.id = id;
      // actions that make or deliver the document follow the new id
      for (const action of list(draft.process?.actions)) {
        for (const effect of list(action?.effects)) {
          if (
            (effect?.type === "generateDocument" || effect?.type === "deliver") &&
            effect.document === old
          )
            effect.document = id;
        }
      }
    });
  }

  function moveBlock(from: number, to: number) {
    change((x) => move(x.blocks, from, to));
    // focus stays with the moved block (on the button still usable at its new place)
    const last = blocks.length - 1;
    const dir = to === 0 ? "down" : to === last ? "up" : to < from ? "up" : "down";
    requestAnimationFrame(() =>
      document.getElementById(`doc-${d}-block-${to}-${dir}`)?.closest("button")?.focus(),
    );
  }

  function addBlock(kind: "text" | "textBlock") {
    const first =
      Object.keys(p.def.textBlocks ?? {})[0] ?? Object.keys(p.ctx.library)[0] ?? undefined;
    change((x) => {
      x.blocks = list(x.blocks);
      x.blocks.push(kind === "text" || !first ? { text: "" } : { textBlock: first });
    });
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `[data-path="${path}.blocks[${blocks.length}].${kind === "text" || !first ? "text" : "textBlock"}"]`,
        )
        ?.focus(),
    );
  }

  const makers = list(p.def.process?.actions)
    .filter((a) =>
      list(a?.effects).some((e) => e?.type === "generateDocument" && e.document === doc.id),
    )
    .map((a) => String(a.title || a.id));
  const dates = Object.entries((doc.dates ?? {}) as Record<string, string>);
  const due = doc.payment?.due ?? {};
  const dueUnit = due.months !== undefined ? "months" : due.workingDays ? "workingDays" : "days";
  const dueValue = due.months ?? due.days ?? 1;

  return (
    <section class="studio-doc" aria-labelledby={`doc-${d}-heading`}>
      <h3 class="kern-title kern-title--small" id={`doc-${d}-heading`}>
        Dokument: {doc.title || doc.id || "(ohne Titel)"}
      </h3>
      <p class="kern-body studio-muted" id="doc-made-by">
        {makers.length > 0
          ? `Erstellt von der Aktion ${makers.map((t) => `„${t}“`).join(", ")} (Reiter „Ablauf“).`
          : "Noch keine Aktion erstellt dieses Dokument: Fügen Sie im Reiter „Ablauf“ einer Aktion die Wirkung „Dokument erstellen“ hinzu."}
      </p>
      {errorsAt(findings, path) ? (
        <p class="kern-error" data-path={path}>
          <span class="kern-body">{errorsAt(findings, path)}</span>
        </p>
      ) : null}
      <div class="studio-row">
        <TextInput
          label="Titel (Betreff des Schreibens)"
          id="doc-title"
          required
          path={`${path}.title`}
          value={doc.title}
          error={errorsAt(findings, `${path}.title`)}
          onInput={(v) => change((x) => (x.title = v))}
        />
        <TextInput
          label="Kennung"
          id="doc-id"
          required
          mono
          path={`${path}.id`}
          hint="Buchstaben und Ziffern; Aktionen nennen das Dokument so."
          value={doc.id}
          error={errorsAt(findings, `${path}.id`)}
          onInput={rename}
        />
        <Select
          label="Art"
          id="doc-kind"
          path={`${path}.kind`}
          value={doc.kind ?? "notice"}
          options={KINDS}
          onChange={(v) => change((x) => (x.kind = v))}
        />
      </div>
      <fieldset class="studio-fieldset" data-path={`${path}.payment`}>
        <legend class="kern-label">Gebühren</legend>
        <p class="kern-hint">
          Die Gebühren kommen aus dem Reiter „Gebühren“; im Text stehen dann die Platzhalter{" "}
          <code>{"{{payment.*}}"}</code> zur Verfügung.
        </p>
        <Checkbox
          id="doc-payment"
          label="Gebührenbescheid: mit Gebührenaufstellung, Kassenzeichen, Fälligkeit und GiroCode"
          checked={doc.payment !== undefined}
          onChange={(on) =>
            change((x) => {
              if (on) x.payment = { due: { months: 1 } };
              else delete x.payment;
            })
          }
        />
        {errorsAt(findings, `${path}.payment`) ? (
          <p class="kern-error">
            <span class="kern-body">{errorsAt(findings, `${path}.payment`)}</span>
          </p>
        ) : null}
        {doc.payment ? (
          <div class="studio-row">
            <TextInput
              label="Zahlbar innerhalb von"
              id="doc-due-value"
              type="number"
              path={`${path}.payment.due`}
              value={String(dueValue)}
              error={errorsAt(findings, `${path}.payment.due`)}
              onInput={(v) =>
                change((x) => {
                  const n = Math.max(0, Math.floor(Number(v) || 0));
                  x.payment.due =
                    dueUnit === "months"
                      ? { months: n }
                      : dueUnit === "workingDays"
                        ? { days: n, workingDays: true }
                        : { days: n };
                })
              }
            />
            <Select
              label="Einheit"
              id="doc-due-unit"
              value={dueUnit}
              options={[
                { value: "months", label: "Monaten" },
                { value: "days", label: "Tagen" },
                { value: "workingDays", label: "Arbeitstagen" },
              ]}
              onChange={(u) =>
                change((x) => {
                  x.payment.due =
                    u === "months"
                      ? { months: dueValue }
                      : u === "workingDays"
                        ? { days: dueValue, workingDays: true }
                        : { days: dueValue };
                })
              }
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset class="studio-fieldset" data-path={`${path}.dates`}>
        <legend class="kern-label">Termine</legend>
        <p class="kern-hint">
          Benannte Termine als FEEL-Ausdruck, z. B. <code>today + duration("P1M")</code>; im Text
          erscheinen sie mit <code>{"{{dates.name}}"}</code> in Worten („22. Dezember 2026“).
        </p>
        {dates.map(([name, source], i) => (
          <div class="studio-row" key={i}>
            <TextInput
              label={`Name des Termins ${i + 1}`}
              mono
              value={name}
              error={
                name && !IDENTIFIER.test(name)
                  ? "Nur Buchstaben, Ziffern und _; beginnt mit einem Buchstaben."
                  : undefined
              }
              onInput={(v) =>
                change((x) => {
                  if (v !== name && Object.hasOwn(x.dates ?? {}, v)) return;
                  // rename, keeping the order
                  x.dates = Object.fromEntries(
                    Object.entries(x.dates ?? {}).map(([k, s]) => [k === name ? v : k, s]),
                  );
                })
              }
            />
            <TextInput
              label={`Ausdruck für „${name}“`}
              mono
              path={`${path}.dates.${name}`}
              value={source}
              error={errorsAt(findings, `${path}.dates.${name}`)}
              onInput={(v) => change((x) => (x.dates[name] = v))}
            />
            <Button
              small
              label={`Termin „${name}“ entfernen`}
              onClick={() =>
                change((x) => {
                  delete x.dates[name];
                  if (Object.keys(x.dates).length === 0) delete x.dates;
                })
              }
            >
              Entfernen
            </Button>
          </div>
        ))}
        <Button
          small
          onClick={() =>
            change((x) => {
              x.dates ??= {};
              x.dates[freshId("frist", Object.keys(x.dates))] = 'today + duration("P1M")';
            })
          }
        >
          Termin hinzufügen
        </Button>
      </fieldset>

      <h4 class="kern-title kern-title--small" id={`doc-${d}-blocks`}>
        Bausteine
      </h4>
      {errorsAt(findings, `${path}.blocks`) ? (
        <p class="kern-error" data-path={`${path}.blocks`}>
          <span class="kern-body">{errorsAt(findings, `${path}.blocks`)}</span>
        </p>
      ) : null}
      <ol class="studio-blocks" aria-labelledby={`doc-${d}-blocks`}>
        {blocks.map((block, b) => (
          <BlockEditor
            key={b}
            d={d}
            b={b}
            count={blocks.length}
            block={block}
            def={p.def}
            library={p.ctx.library}
            findings={findings}
            change={(recipe) => change((x) => x.blocks?.[b] && recipe(x.blocks[b]))}
            onMove={moveBlock}
            onRemove={() => change((x) => x.blocks.splice(b, 1))}
            onFocusText={p.onFocusText}
          />
        ))}
      </ol>
      <div class="studio-toolbar">
        <Button id="doc-add-text" onClick={() => addBlock("text")}>
          Freien Text hinzufügen
        </Button>
        <Button id="doc-add-textblock" onClick={() => addBlock("textBlock")}>
          Textbaustein hinzufügen
        </Button>
      </div>

      <DocumentPreview
        def={p.def}
        doc={doc}
        ctx={p.ctx}
        slug={store.slug}
        onJump={(x) => store.jump(x)}
      />

      <div class="studio-toolbar">
        <Button
          id="doc-remove"
          onClick={() => {
            if (!confirm(`Das Dokument „${doc.title || doc.id}“ wirklich entfernen?`)) return;
            store.change((draft) => {
              draft.documents.splice(d, 1);
              if (draft.documents.length === 0) delete draft.documents;
            });
            p.onRemoved();
          }}
        >
          Dokument entfernen
        </Button>
      </div>
    </section>
  );
}

function BlockEditor(p: {
  d: number;
  b: number;
  count: number;
  block: Json;
  def: Def;
  library: StudioContext["library"];
  findings: Finding[];
  change: (recipe: (block: Json) => void) => void;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  onFocusText: FocusText;
}) {
  const { d, b, block, findings } = p;
  const path = `documents[${d}].blocks[${b}]`;
  const isRef = typeof block?.textBlock === "string";
  const own = (p.def.textBlocks ?? {}) as Record<string, { title?: string; text?: string }>;
  const options = [
    ...Object.entries(own).map(([k, v]) => ({
      value: k,
      label: `Dienst: ${v?.title ? `${v.title} ` : ""}(${k})`,
    })),
    ...Object.entries(p.library)
      .filter(([k]) => !Object.hasOwn(own, k))
      .map(([k, v]) => ({ value: k, label: `Kommune: ${v.title ? `${v.title} ` : ""}(${k})` })),
  ];
  if (isRef && !options.some((o) => o.value === block.textBlock))
    options.unshift({ value: block.textBlock, label: `Unbekannt: ${block.textBlock}` });
  const referenced = isRef
    ? (own[block.textBlock] ??
      (Object.hasOwn(p.library, block.textBlock) ? p.library[block.textBlock] : undefined))
    : undefined;
  const groups = p.def.form?.pages
    ? list(p.def.form.pages)
        .flatMap((pg) => list(pg?.fields))
        .filter((f) => f?.type === "group" && f.id)
    : [];
  const n = b + 1;
  const rest = findings.filter(
    (f) =>
      (f.path === path || f.path.startsWith(`${path}.`)) &&
      ![`${path}.text`, `${path}.textBlock`, `${path}.if`, `${path}.forEach`].includes(f.path),
  );
  return (
    <li class="studio-block" data-path={path}>
      <fieldset class="studio-fieldset">
        <legend class="kern-label">
          Baustein {n}
          {block?.if ? <span class="studio-muted"> (mit Bedingung)</span> : null}
        </legend>
        <div class="studio-row">
          <Select
            label={`Art von Baustein ${n}`}
            id={`doc-${d}-block-${b}-kind`}
            value={isRef ? "textBlock" : "text"}
            options={[
              { value: "text", label: "Freier Text" },
              { value: "textBlock", label: "Textbaustein" },
            ]}
            onChange={(v) =>
              p.change((x) => {
                if (v === "textBlock") {
                  const text = x.text;
                  delete x.text;
                  delete x.forEach;
                  x.textBlock = options[0]?.value ?? "";
                  if (!x.textBlock && text) x.text = text;
                } else {
                  const source = referenced?.text ?? "";
                  delete x.textBlock;
                  x.text = source;
                }
              })
            }
          />
          {isRef ? (
            <Select
              label={`Textbaustein für Baustein ${n}`}
              id={`doc-${d}-block-${b}-textblock`}
              path={`${path}.textBlock`}
              value={block.textBlock}
              options={options}
              error={errorsAt(findings, `${path}.textBlock`)}
              onChange={(v) => p.change((x) => (x.textBlock = v))}
            />
          ) : null}
        </div>
        {isRef ? (
          referenced ? (
            <blockquote class="studio-blocktext">
              {referenced.title ? (
                <p class="kern-body studio-blocktext__title">{referenced.title}</p>
              ) : null}
              <p class="kern-body">{referenced.text}</p>
            </blockquote>
          ) : null
        ) : (
          <TextField
            label={`Text von Baustein ${n}`}
            id={`doc-${d}-block-${b}-text`}
            multiline
            rows={Math.min(12, Math.max(3, String(block?.text ?? "").split("\n").length + 1))}
            path={`${path}.text`}
            value={block?.text}
            hint="Leerzeile: neuer Absatz; Zeilen mit „- “ am Anfang: Aufzählung."
            error={errorsAt(findings, `${path}.text`)}
            onInput={(v) =>
              p.change((x) => {
                x.text = v;
              })
            }
            onFocusText={(el) =>
              p.onFocusText(
                el,
                (v) => p.change((x) => (x.text = v)),
                { kind: "document", doc: d, forEach: block?.forEach },
                `Text von Baustein ${n}`,
              )
            }
          />
        )}
        <div class="studio-row">
          <TextInput
            label="Nur wenn (Bedingung, optional)"
            id={`doc-${d}-block-${b}-if`}
            mono
            path={`${path}.if`}
            hint="FEEL, z. B. reliefGranted = true; leer: Baustein steht immer im Dokument."
            value={block?.if}
            error={errorsAt(findings, `${path}.if`)}
            onInput={(v) =>
              p.change((x) => {
                if (v.trim()) x.if = v;
                else delete x.if;
              })
            }
          />
          {!isRef && groups.length > 0 ? (
            <Select
              label="Wiederholen für jeden Eintrag von"
              path={`${path}.forEach`}
              value={block?.forEach ?? ""}
              options={[
                { value: "", label: "– nicht wiederholen –" },
                ...groups.map((g) => ({ value: g.id, label: g.label || g.id })),
              ]}
              error={errorsAt(findings, `${path}.forEach`)}
              onChange={(v) =>
                p.change((x) => {
                  if (v) x.forEach = v;
                  else delete x.forEach;
                })
              }
            />
          ) : null}
        </div>
        {rest.length > 0 ? (
          <ul class="studio-block__findings">
            {rest.map((f, i) => (
              <li key={i} class="kern-error">
                <span class="kern-body">{formatMessage(f.key, f.params)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div class="studio-toolbar">
          <Button
            small
            disabled={b === 0}
            label={`Baustein ${n} nach oben`}
            onClick={() => p.onMove(b, b - 1)}
          >
            <span id={`doc-${d}-block-${b}-up`}>Nach oben</span>
          </Button>
          <Button
            small
            disabled={b === p.count - 1}
            label={`Baustein ${n} nach unten`}
            onClick={() => p.onMove(b, b + 1)}
          >
            <span id={`doc-${d}-block-${b}-down`}>Nach unten</span>
          </Button>
          <Button small label={`Baustein ${n} entfernen`} onClick={p.onRemove}>
            Entfernen
          </Button>
        </div>
      </fieldset>
    </li>
  );
}

/** The server's PDF of the document with sample data: on demand and shortly after changes. */
function DocumentPreview(p: {
  def: Def;
  doc: Json;
  ctx: StudioContext;
  slug: string;
  onJump: (path: string) => void;
}) {
  const { state, refresh } = usePdfPreview(p.ctx, p.slug);
  const [auto, setAuto] = useState(true);
  const latest = useRef(p.def);
  latest.current = p.def;
  const id = p.doc?.id;
  const run = () => {
    if (typeof id === "string" && id) void refresh({ definition: latest.current, document: id });
  };
  useEffect(() => {
    if (!auto) return;
    const timer = setTimeout(run, state.status === "idle" ? 0 : 1200);
    return () => clearTimeout(timer);
  }, [p.def, id, auto]);
  return (
    <section class="studio-section" aria-labelledby="doc-preview-heading">
      <h4 class="kern-title kern-title--small" id="doc-preview-heading">
        Vorschau mit Beispieldaten
      </h4>
      <p class="kern-body studio-muted">
        Der Server erstellt das Dokument wie einen echten Bescheid, mit Beispieldaten, einem
        Muster-Aktenzeichen und Muster-Kassenzeichen. Es wird nichts gespeichert und nichts
        versendet.
      </p>
      <div class="studio-toolbar">
        <button
          type="button"
          class="kern-btn kern-btn--secondary"
          id="doc-preview-refresh"
          onClick={run}
        >
          <span class="kern-label">Vorschau aktualisieren</span>
        </button>
        <Checkbox
          id="doc-preview-auto"
          label="Nach Änderungen automatisch aktualisieren"
          checked={auto}
          onChange={setAuto}
        />
      </div>
      <PdfPreview
        id="doc-preview"
        preview={state}
        title={`Vorschau: ${p.doc?.title ?? ""}`}
        fileName={`vorschau-${id ?? "dokument"}.pdf`}
        onJump={p.onJump}
      />
    </section>
  );
}

function TextBlocksSection(p: {
  store: DraftStore;
  def: Def;
  findings: Finding[];
  onFocusText: FocusText;
}) {
  const blocks = Object.entries((p.def.textBlocks ?? {}) as Record<string, Json>);
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | undefined>();
  const change = (k: string, recipe: (b: Json) => void) =>
    p.store.change((d) => {
      if (d.textBlocks?.[k]) recipe(d.textBlocks[k]);
    });
  function add() {
    const k = key.trim();
    if (!IDENTIFIER.test(k)) {
      setError(
        "Die Kennung besteht aus Buchstaben, Ziffern und _ und beginnt mit einem Buchstaben.",
      );
      return;
    }
    if (Object.hasOwn(p.def.textBlocks ?? {}, k)) {
      setError(`Einen Textbaustein „${k}“ gibt es schon.`);
      return;
    }
    setError(undefined);
    setKey("");
    p.store.change((d) => {
      d.textBlocks ??= {};
      d.textBlocks[k] = { title: "", text: "" };
    });
  }
  return (
    <section class="studio-section" aria-labelledby="textblocks-heading">
      <h2 class="kern-title kern-title--medium" id="textblocks-heading">
        Eigene Textbausteine des Dienstes
      </h2>
      <p class="kern-body">
        Absätze, die nur dieser Dienst verwendet. Ein eigener Textbaustein mit derselben Kennung wie
        einer Ihrer Kommune ersetzt diesen in diesem Dienst.
      </p>
      {blocks.map(([k, block]) => (
        <fieldset class="studio-fieldset" key={k} data-path={`textBlocks.${k}`}>
          <legend class="kern-label">
            Textbaustein <code>{k}</code>
          </legend>
          <TextInput
            label={`Überschrift von ${k} (optional)`}
            path={`textBlocks.${k}.title`}
            value={block?.title}
            error={errorsAt(p.findings, `textBlocks.${k}.title`)}
            onInput={(v) =>
              change(k, (b) => {
                if (v) b.title = v;
                else delete b.title;
              })
            }
          />
          <TextField
            label={`Text von ${k}`}
            multiline
            path={`textBlocks.${k}.text`}
            value={block?.text}
            error={errorsAt(p.findings, `textBlocks.${k}.text`)}
            onInput={(v) => change(k, (b) => (b.text = v))}
            onFocusText={(el) =>
              p.onFocusText(
                el,
                (v) => change(k, (b) => (b.text = v)),
                { kind: "textBlock" },
                `Text von ${k}`,
              )
            }
          />
          <Button
            small
            label={`Textbaustein ${k} entfernen`}
            onClick={() =>
              p.store.change((d) => {
                delete d.textBlocks[k];
                if (Object.keys(d.textBlocks).length === 0) delete d.textBlocks;
              })
            }
          >
            Entfernen
          </Button>
        </fieldset>
      ))}
      <div class="studio-row">
        <TextInput
          label="Kennung des neuen Textbausteins"
          id="new-textblock-key"
          mono
          value={key}
          error={error}
          hint="z. B. begruendungAblehnung"
          onInput={setKey}
        />
        <Button id="textblock-add" onClick={add}>
          Textbaustein anlegen
        </Button>
      </div>
    </section>
  );
}

function NotificationsSection(p: {
  store: DraftStore;
  def: Def;
  findings: Finding[];
  onFocusText: FocusText;
}) {
  const notes = list(p.def.notifications);
  const change = (n: number, recipe: (x: Json, d: Def) => void) =>
    p.store.change((d) => {
      if (d.notifications?.[n]) recipe(d.notifications[n], d);
    });
  return (
    <section class="studio-section" aria-labelledby="notifications-heading">
      <h2 class="kern-title kern-title--medium" id="notifications-heading">
        Nachrichten
      </h2>
      <p class="kern-body">
        Nachrichten an die Antragstellerin oder den Antragsteller (ins Postfach) und an
        Mitarbeitende. Aktionen im Reiter „Ablauf“ versenden sie.
      </p>
      {notes.map((note, n) => {
        const path = `notifications[${n}]`;
        return (
          <fieldset class="studio-fieldset" key={n} data-path={path}>
            <legend class="kern-label">
              Nachricht <code>{note?.id || n + 1}</code>
            </legend>
            <TextInput
              label="Kennung"
              mono
              path={`${path}.id`}
              value={note?.id}
              error={errorsAt(p.findings, `${path}.id`)}
              onInput={(v) =>
                change(n, (x, d) => {
                  const old = x.id;
                  x.id = v;
                  for (const action of list(d.process?.actions)) {
                    for (const effect of list(action?.effects)) {
                      if (
                        (effect?.type === "messageApplicant" || effect?.type === "notifyStaff") &&
                        effect.notification === old
                      )
                        effect.notification = v;
                    }
                  }
                })
              }
            />
            <TextField
              label="Betreff"
              path={`${path}.subject`}
              value={note?.subject}
              error={errorsAt(p.findings, `${path}.subject`)}
              onInput={(v) => change(n, (x) => (x.subject = v))}
              onFocusText={(el) =>
                p.onFocusText(
                  el,
                  (v) => change(n, (x) => (x.subject = v)),
                  { kind: "notification" },
                  `Betreff der Nachricht ${note?.id ?? n + 1}`,
                )
              }
            />
            <TextField
              label="Text"
              multiline
              rows={6}
              path={`${path}.body`}
              value={note?.body}
              error={errorsAt(p.findings, `${path}.body`)}
              onInput={(v) => change(n, (x) => (x.body = v))}
              onFocusText={(el) =>
                p.onFocusText(
                  el,
                  (v) => change(n, (x) => (x.body = v)),
                  { kind: "notification" },
                  `Text der Nachricht ${note?.id ?? n + 1}`,
                )
              }
            />
            <Button
              small
              label={`Nachricht ${note?.id ?? n + 1} entfernen`}
              onClick={() =>
                p.store.change((d) => {
                  d.notifications.splice(n, 1);
                  if (d.notifications.length === 0) delete d.notifications;
                })
              }
            >
              Entfernen
            </Button>
          </fieldset>
        );
      })}
      <Button
        id="notification-add"
        onClick={() =>
          p.store.change((d) => {
            d.notifications = list(d.notifications);
            d.notifications.push({
              id: freshId(
                "nachricht",
                d.notifications.map((x: Json) => x?.id),
              ),
              subject: `Ihr Antrag: ${d.meta?.title ?? ""}`.trim(),
              body: "Guten Tag,\n\n\n\nMit freundlichen Grüßen\n{{tenant.name}}",
            });
          })
        }
      >
        Nachricht hinzufügen
      </Button>
    </section>
  );
}

/** The placeholders valid where the cursor was last; a click or Enter inserts one there. */
function PlaceholderPanel(p: {
  groups: PlaceholderGroup[];
  targetLabel: string | undefined;
  onInsert: (name: string) => void;
  announcement: string;
}) {
  const [filter, setFilter] = useState("");
  const q = filter.trim().toLowerCase();
  const groups = p.groups
    .map((g) => ({
      ...g,
      items: g.items.filter(
        (i) => !q || i.name.toLowerCase().includes(q) || i.label.toLowerCase().includes(q),
      ),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <aside class="studio-placeholders" aria-labelledby="placeholders-heading" id="placeholders">
      <h2 class="kern-title kern-title--small" id="placeholders-heading">
        Platzhalter
      </h2>
      <p class="kern-hint" id="placeholders-target">
        {p.targetLabel
          ? `Wird eingefügt in: ${p.targetLabel}`
          : "Setzen Sie den Cursor in ein Textfeld; ein Platzhalter wird dort eingefügt."}
      </p>
      <TextInput
        label="Platzhalter suchen"
        id="placeholder-filter"
        value={filter}
        onInput={setFilter}
      />
      <p class="kern-sr-only" role="status" aria-live="polite">
        {p.announcement}
      </p>
      {groups.map((g) => (
        <div key={g.id} class="studio-placeholders__group">
          <h3 class="kern-label" id={`ph-group-${g.id}`}>
            {g.title}
          </h3>
          <ul aria-labelledby={`ph-group-${g.id}`}>
            {g.items.map((i) => (
              <li key={i.name}>
                <button
                  type="button"
                  class="studio-placeholder"
                  data-placeholder={i.name}
                  aria-describedby="placeholders-target"
                  onClick={() => p.onInsert(i.name)}
                >
                  <code>{`{{${i.name}}}`}</code> <span class="studio-muted">{i.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {groups.length === 0 ? <p class="kern-body">Kein Platzhalter passt.</p> : null}
    </aside>
  );
}
