/** The effects of an action: added by type, each with its own small form; reordered, removed. */
import { useState } from "preact/hooks";
import type { Finding } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import type { Def, DraftStore } from "../store.ts";
import { Button, move, Select, TextInput } from "../ui.tsx";
import { CheckGroup, PeriodInput } from "./controls.tsx";
import { Feel } from "./Feel.tsx";
import { CHANNELS, EFFECT_TYPES, labelOf, ROLES } from "./labels.ts";

// biome-ignore lint/suspicious/noExplicitAny: an effect of a draft is free-form JSON
type Effect = Record<string, any>;
type Choice = { value: string; label: string };

const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : []);

/** A new effect of a type, pointing at the first document or notification there is. */
function newEffect(type: string, def: Def): Effect {
  const document = String(list(def.documents)[0]?.id ?? "");
  const notification = String(list(def.notifications)[0]?.id ?? "");
  switch (type) {
    case "generateDocument":
    case "deliver":
      return { type, document };
    case "messageApplicant":
      return { type, notification };
    case "notifyStaff":
      return { type, notification, roles: ["caseworker"] };
    case "assign":
      return { type, toActor: true };
    case "setFollowUp":
      return { type, after: { days: 14 } };
    case "setData":
      return { type, field: "", value: "" };
    case "webhook":
      return { type, url: "https://" };
    default:
      return { type };
  }
}

export function Effects(p: {
  store: DraftStore;
  def: Def;
  actionIndex: number;
  effects: Effect[] | undefined;
  findings: Finding[];
}) {
  const effects = Array.isArray(p.effects) ? p.effects : [];
  const base = `process.actions[${p.actionIndex}].effects`;
  const [type, setType] = useState("generateDocument");
  const change = (recipe: (list: Effect[]) => void) =>
    p.store.change((d) => {
      const action = d.process.actions[p.actionIndex];
      if (!Array.isArray(action.effects)) action.effects = [];
      recipe(action.effects);
    });
  const documents: Choice[] = list(p.def.documents).map((d) => ({
    value: String(d.id ?? ""),
    label: String(d.title || d.id || ""),
  }));
  const notifications: Choice[] = list(p.def.notifications).map((n) => ({
    value: String(n.id ?? ""),
    label: String(n.subject || n.id || ""),
  }));
  const feeItems: Choice[] = list(p.def.fees?.items).map((f) => ({
    value: String(f.id ?? ""),
    label: String(f.label || f.id || ""),
  }));
  return (
    <fieldset class="kern-fieldset studio-subsection" data-path={base}>
      <legend class="kern-label">Wirkungen</legend>
      <p class="kern-hint">
        Was nach der Aktion geschieht, in dieser Reihenfolge: Bescheid erzeugen, zustellen, Gebühren
        festsetzen, benachrichtigen …
      </p>
      {effects.length === 0 ? <p class="kern-body studio-muted">Keine Wirkungen.</p> : null}
      <ol class="studio-effects">
        {effects.map((effect, i) => {
          const path = `${base}[${i}]`;
          const name = labelOf(EFFECT_TYPES, effect.type);
          const set = (key: string, value: unknown) =>
            change((l) => {
              if (value === undefined || value === "") delete l[i]![key];
              else l[i]![key] = value;
            });
          return (
            <li class="studio-card" key={`${i}-${effect.type}`} data-path={path}>
              <p class="kern-label" id={`effect-${i}-title`}>
                {i + 1}. {name}
              </p>
              <EffectForm
                i={i}
                path={path}
                effect={effect}
                set={set}
                findings={p.findings}
                documents={documents}
                notifications={notifications}
                feeItems={feeItems}
              />
              <div class="studio-toolbar">
                <Button
                  small
                  label={`Wirkung ${i + 1} (${name}) nach oben`}
                  disabled={i === 0}
                  onClick={() => change((l) => move(l, i, i - 1))}
                >
                  ↑
                </Button>
                <Button
                  small
                  label={`Wirkung ${i + 1} (${name}) nach unten`}
                  disabled={i === effects.length - 1}
                  onClick={() => change((l) => move(l, i, i + 1))}
                >
                  ↓
                </Button>
                <Button
                  small
                  label={`Wirkung ${i + 1} (${name}) entfernen`}
                  onClick={() => change((l) => l.splice(i, 1))}
                >
                  Entfernen
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div class="studio-row studio-add">
        <Select
          id="effect-new-type"
          label="Neue Wirkung"
          value={type}
          onChange={setType}
          options={[...EFFECT_TYPES]}
        />
        <Button onClick={() => change((l) => l.push(newEffect(type, p.def)))}>
          Wirkung hinzufügen
        </Button>
      </div>
    </fieldset>
  );
}

/** Options for a reference select: the known ones, and the current value if it is unknown. */
function withCurrent(options: Choice[], current: unknown, none: string): Choice[] {
  const value = typeof current === "string" ? current : "";
  if (options.some((o) => o.value === value)) return options;
  return [{ value, label: value ? `${value} (unbekannt)` : none }, ...options];
}

function EffectForm(p: {
  i: number;
  path: string;
  effect: Effect;
  set: (key: string, value: unknown) => void;
  findings: Finding[];
  documents: Choice[];
  notifications: Choice[];
  feeItems: Choice[];
}) {
  const { i, path, effect, set } = p;
  const error = (key: string) => errorAt(p.findings, `${path}.${key}`);
  const documentSelect = (
    <Select
      id={`effect-${i}-document`}
      label="Dokument"
      path={`${path}.document`}
      hint={
        p.documents.length === 0
          ? "Legen Sie das Dokument im Reiter „Bescheide und Nachrichten“ an."
          : undefined
      }
      value={effect.document}
      error={error("document")}
      onChange={(v) => set("document", v)}
      options={withCurrent(p.documents, effect.document, "– bitte wählen –")}
    />
  );
  const notificationSelect = (
    <Select
      id={`effect-${i}-notification`}
      label="Nachricht"
      path={`${path}.notification`}
      hint={
        p.notifications.length === 0
          ? "Legen Sie die Nachricht im Reiter „Bescheide und Nachrichten“ an."
          : undefined
      }
      value={effect.notification}
      error={error("notification")}
      onChange={(v) => set("notification", v)}
      options={withCurrent(p.notifications, effect.notification, "– bitte wählen –")}
    />
  );
  switch (effect.type) {
    case "generateDocument":
      return documentSelect;
    case "deliver":
      return (
        <>
          {documentSelect}
          <Select
            id={`effect-${i}-channel`}
            label="Weg"
            path={`${path}.channel`}
            value={effect.channel ?? ""}
            onChange={(v) => set("channel", v || undefined)}
            options={[...CHANNELS]}
          />
        </>
      );
    case "messageApplicant":
      return notificationSelect;
    case "notifyStaff":
      return (
        <>
          {notificationSelect}
          <CheckGroup
            legend="An"
            idPrefix={`effect-${i}-roles`}
            path={`${path}.roles`}
            hint="Keine Auswahl: an alle Mitarbeitenden der zuständigen Stelle."
            options={ROLES.filter((r) => r.value !== "system" && r.value !== "applicant")}
            values={Array.isArray(effect.roles) ? effect.roles : []}
            onChange={(v) => set("roles", v.length > 0 ? v : undefined)}
          />
        </>
      );
    case "assessFee":
      return p.feeItems.length === 0 ? (
        <p class="kern-hint" data-path={`${path}.items`}>
          Setzt alle Gebühren fest. Die Gebührenpositionen legen Sie im Reiter „Gebühren“ an.
        </p>
      ) : (
        <CheckGroup
          legend="Welche Gebührenpositionen?"
          idPrefix={`effect-${i}-items`}
          path={`${path}.items`}
          hint="Keine Auswahl: alle Positionen."
          error={error("items")}
          options={p.feeItems}
          values={Array.isArray(effect.items) ? effect.items : []}
          onChange={(v) => set("items", v.length > 0 ? v : undefined)}
        />
      );
    case "assign":
      return (
        <>
          <div class="kern-form-check">
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id={`effect-${i}-to-actor`}
              data-path={`${path}.toActor`}
              checked={effect.toActor === true}
              onChange={(e) =>
                set("toActor", (e.currentTarget as HTMLInputElement).checked || undefined)
              }
            />
            <label class="kern-label" for={`effect-${i}-to-actor`}>
              Der Person zuweisen, die die Aktion ausführt
            </label>
          </div>
          <TextInput
            id={`effect-${i}-org-unit`}
            label="Oder einer Organisationseinheit (optional)"
            path={`${path}.orgUnit`}
            hint="z. B. ordnungsamt"
            value={effect.orgUnit}
            error={error("orgUnit")}
            onInput={(v) => set("orgUnit", v)}
          />
        </>
      );
    case "setFollowUp":
      return (
        <>
          <PeriodInput
            idPrefix={`effect-${i}-after`}
            label="Wiedervorlage nach"
            path={`${path}.after`}
            value={effect.after}
            error={error("after")}
            onChange={(v) => set("after", v ?? { days: 0 })}
          />
          <TextInput
            id={`effect-${i}-note`}
            label="Notiz (optional)"
            path={`${path}.note`}
            value={effect.note}
            onInput={(v) => set("note", v)}
          />
        </>
      );
    case "archive":
      return (
        <TextInput
          id={`effect-${i}-retention`}
          label="Aufbewahrungsfrist in Jahren (optional)"
          type="number"
          path={`${path}.retentionYears`}
          value={effect.retentionYears === undefined ? "" : String(effect.retentionYears)}
          error={error("retentionYears")}
          inputProps={{ min: 0, step: 1 }}
          onInput={(v) => {
            const n = v.trim() === "" ? undefined : Number(v);
            if (n === undefined || (Number.isInteger(n) && n >= 0)) set("retentionYears", n);
          }}
        />
      );
    case "setData":
      return (
        <>
          <TextInput
            id={`effect-${i}-field`}
            label="Feld oder Variable"
            mono
            path={`${path}.field`}
            hint="Kennung eines Formularfelds, einer Eingabe oder einer Variable"
            value={effect.field}
            error={error("field")}
            onInput={(v) => set("field", v)}
          />
          <Feel
            id={`effect-${i}-value`}
            label="Neuer Wert (FEEL)"
            path={`${path}.value`}
            value={effect.value}
            finding={error("value")}
            onInput={(v) => set("value", v)}
          />
        </>
      );
    case "webhook":
      return (
        <>
          <TextInput
            id={`effect-${i}-url`}
            label="Adresse (https)"
            type="url"
            path={`${path}.url`}
            value={effect.url}
            error={
              effect.url && !/^https:\/\/[^\s/]+/.test(effect.url)
                ? "Bitte eine vollständige Adresse mit https:// angeben."
                : error("url")
            }
            onInput={(v) => set("url", v)}
          />
          <TextInput
            id={`effect-${i}-event`}
            label="Ereignisname (optional)"
            path={`${path}.event`}
            value={effect.event}
            onInput={(v) => set("event", v)}
          />
        </>
      );
    default:
      return <p class="kern-body">Unbekannte Wirkung „{String(effect.type)}“ – bitte entfernen.</p>;
  }
}
