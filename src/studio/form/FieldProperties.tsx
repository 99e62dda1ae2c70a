/**
 * The properties of the selected field: its id, label, hint, whether it is required, the
 * properties its type has in the schema (lengths, bounds, options or a code list, file types
 * and size, …), prefill from the citizen account, conditions and rules (FEEL).
 */
import { useEffect, useState } from "preact/hooks";
import { type Finding, PREFILL_TYPES } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import { at, type Def, type DraftStore } from "../store.ts";
import { Button, Checkbox, Select, TextArea, TextInput } from "../ui.tsx";
import { FeelInput, type FeelName } from "./FeelInput.tsx";
import {
  arr,
  COMPUTABLE_TYPES,
  identifierFrom,
  typeLabel,
  uniqueId,
  usedIds,
} from "./fieldTypes.ts";
import { renameReferences } from "./references.ts";
import { TypeProperties } from "./TypeProperties.tsx";

const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9_]*$/;

const PREFILL_LABELS: Record<string, string> = {
  "account.givenName": "Vorname aus dem Bürgerkonto",
  "account.familyName": "Familienname aus dem Bürgerkonto",
  "account.name": "Name aus dem Bürgerkonto",
  "account.birthDate": "Geburtsdatum aus dem Bürgerkonto",
  "account.email": "E-Mail-Adresse aus dem Bürgerkonto",
  "account.phone": "Telefonnummer aus dem Bürgerkonto",
  "account.address": "Anschrift aus dem Bürgerkonto",
};

export type FieldPropertiesProps = {
  store: DraftStore;
  /** Path of the field, e.g. `form.pages[0].fields[2]`. */
  path: string;
  names: FeelName[];
  findings: Finding[];
  /** Ids still made from the label (new fields whose id nobody has typed yet). */
  autoIds: Set<string>;
  /** Prefix of element ids: `feld` for page fields, `unterfeld` for a group's fields. */
  idPrefix: string;
};

export function FieldProperties(p: FieldPropertiesProps) {
  const def = p.store.state.def;
  const field = (at(def, p.path) ?? {}) as Def;
  const f = p.findings;
  const path = p.path;
  const id = (name: string) => `${p.idPrefix}-${name}`;
  const type = String(field.type ?? "");
  const [notice, setNotice] = useState("");

  const set = (key: string, value: unknown) =>
    p.store.change((d) => {
      const target = at(d, path) as Def | undefined;
      if (!target) return;
      if (value === undefined || value === "" || value === false) delete target[key];
      else target[key] = value;
    });
  const setNumber = (key: string, v: string) => {
    const n = Number(v.replace(",", "."));
    set(key, v.trim() === "" || !Number.isFinite(n) ? undefined : n);
  };
  const num = (key: string) => (typeof field[key] === "number" ? String(field[key]) : "");

  function setLabel(v: string) {
    p.store.change((d) => {
      const target = at(d, path) as Def | undefined;
      if (!target) return;
      if (v === "" && type === "info") delete target.label;
      else target.label = v;
      const old = target.id;
      if (typeof old !== "string" || !p.autoIds.has(old) || !v.trim()) return;
      const taken = usedIds(d);
      taken.delete(old);
      const next = uniqueId(identifierFrom(v), taken);
      if (next === old) return;
      target.id = next;
      renameReferences(d, old, next);
      p.autoIds.delete(old);
      p.autoIds.add(next);
    });
  }

  function renameId(next: string): string | undefined {
    const old = String(field.id ?? "");
    if (next === old) return undefined;
    if (!IDENTIFIER.test(next))
      return "Die Kennung beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern und _ (keine Leerzeichen, keine Umlaute).";
    const taken = usedIds(def);
    if (taken.has(next)) return `Die Kennung „${next}“ ist schon vergeben.`;
    let result = { changed: 0, unsafe: 0 };
    p.store.change((d) => {
      const target = at(d, path) as Def | undefined;
      if (!target) return;
      target.id = next;
      if (old) result = renameReferences(d, old, next);
    });
    p.autoIds.delete(old);
    setNotice(
      `Die Kennung heißt jetzt „${next}“.${result.changed > 0 ? ` ${result.changed} ${result.changed === 1 ? "Verweis wurde" : "Verweise wurden"} angepasst.` : ""}${result.unsafe > 0 ? ` ${result.unsafe} ${result.unsafe === 1 ? "Stelle konnte" : "Stellen konnten"} nicht sicher angepasst werden – bitte prüfen Sie sie (Reiter Prüfung).` : ""}`,
    );
    return undefined;
  }

  const prefillKeys = Object.keys(PREFILL_TYPES).filter((k) => PREFILL_TYPES[k]!.includes(type));
  if (typeof field.prefill === "string" && !prefillKeys.includes(field.prefill))
    prefillKeys.push(field.prefill);
  const constraints = arr(field.constraints);
  const isInfo = type === "info";

  return (
    <div class="studio-props">
      <h3 class="kern-title kern-title--small">
        {typeLabel(type)}: {String(field.label || field.id || "")}
      </h3>
      {notice ? (
        <p class="kern-body studio-muted" role="status">
          {notice}
        </p>
      ) : (
        <p class="kern-sr-only" role="status" />
      )}
      <IdInput
        id={id("id")}
        path={`${path}.id`}
        value={String(field.id ?? "")}
        auto={p.autoIds.has(String(field.id))}
        error={errorAt(f, `${path}.id`)}
        onApply={renameId}
      />
      <TextInput
        id={id("label")}
        label={isInfo ? "Überschrift (optional)" : "Beschriftung"}
        required={!isInfo}
        path={`${path}.label`}
        value={field.label}
        error={errorAt(f, `${path}.label`)}
        onInput={setLabel}
      />
      {isInfo ? (
        <TextArea
          id={id("text")}
          label="Hinweistext"
          required
          path={`${path}.text`}
          rows={5}
          value={field.text}
          error={errorAt(f, `${path}.text`)}
          onInput={(v) => set("text", v)}
        />
      ) : (
        <>
          <TextInput
            id={id("hint")}
            label="Hilfetext (optional)"
            path={`${path}.hint`}
            hint="Erscheint unter der Beschriftung, z. B. ein Beispiel für die Eingabe."
            value={field.hint}
            error={errorAt(f, `${path}.hint`)}
            onInput={(v) => set("hint", v)}
          />
          <Checkbox
            label={type === "boolean" ? "Pflichtfeld (muss angekreuzt werden)" : "Pflichtfeld"}
            path={`${path}.required`}
            checked={field.required === true}
            onChange={(v) => set("required", v)}
          />
        </>
      )}
      <TypeProperties {...p} field={field} set={set} setNumber={setNumber} num={num} />
      {!isInfo && prefillKeys.length > 0 ? (
        <Select
          id={id("prefill")}
          label="Vorausfüllen aus dem Bürgerkonto"
          path={`${path}.prefill`}
          value={field.prefill ?? ""}
          error={errorAt(f, `${path}.prefill`)}
          onChange={(v) => set("prefill", v)}
          options={[
            { value: "", label: "nicht vorausfüllen" },
            ...prefillKeys.map((k) => ({ value: k, label: PREFILL_LABELS[k] ?? k })),
          ]}
        />
      ) : null}
      <fieldset class="kern-fieldset studio-props__rules">
        <legend class="kern-label">Bedingungen und Regeln</legend>
        <div class="kern-fieldset__body">
          <FeelInput
            id={id("visibleIf")}
            label="Anzeigen nur wenn (optional)"
            path={`${path}.visibleIf`}
            hint='Zum Beispiel: haltung = "gewerblich" oder anzahl > 1'
            value={field.visibleIf}
            names={p.names}
            findings={f}
            onInput={(v) => set("visibleIf", v)}
          />
          {!isInfo ? (
            <FeelInput
              id={id("requiredIf")}
              label="Pflichtfeld nur wenn (optional)"
              path={`${path}.requiredIf`}
              value={field.requiredIf}
              names={p.names}
              findings={f}
              onInput={(v) => set("requiredIf", v)}
            />
          ) : null}
          {COMPUTABLE_TYPES.has(type) ? (
            <FeelInput
              id={id("computed")}
              label="Berechnen aus (optional)"
              path={`${path}.computed`}
              hint="Der Wert wird berechnet statt eingegeben, z. B. anzahl * 2."
              value={field.computed}
              names={p.names}
              findings={f}
              onInput={(v) => set("computed", v)}
            />
          ) : null}
          {!isInfo ? (
            <div class="studio-constraints" data-path={`${path}.constraints`}>
              <p class="kern-label">Prüfregeln</p>
              {constraints.length === 0 ? (
                <p class="kern-hint">
                  Keine. Eine Prüfregel weist die Eingabe mit Ihrer Meldung zurück, wenn die Regel
                  nicht gilt.
                </p>
              ) : null}
              {constraints.map((c, i) => (
                <div class="studio-constraint" key={i}>
                  <FeelInput
                    id={id(`constraint-${i}-rule`)}
                    label={`Prüfregel ${i + 1}: gilt, wenn`}
                    path={`${path}.constraints[${i}].rule`}
                    value={c?.rule}
                    names={p.names}
                    findings={f}
                    onInput={(v) =>
                      p.store.change((d) => {
                        (at(d, `${path}.constraints[${i}]`) as Def).rule = v;
                      })
                    }
                  />
                  <TextInput
                    id={id(`constraint-${i}-message`)}
                    label={`Prüfregel ${i + 1}: Meldung, wenn nicht`}
                    path={`${path}.constraints[${i}].message`}
                    value={c?.message}
                    error={errorAt(f, `${path}.constraints[${i}].message`)}
                    onInput={(v) =>
                      p.store.change((d) => {
                        (at(d, `${path}.constraints[${i}]`) as Def).message = v;
                      })
                    }
                  />
                  <Button
                    small
                    label={`Prüfregel ${i + 1} entfernen`}
                    onClick={() =>
                      p.store.change((d) => {
                        const target = at(d, path) as Def;
                        target.constraints.splice(i, 1);
                        if (target.constraints.length === 0) delete target.constraints;
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
                  p.store.change((d) => {
                    const target = at(d, path) as Def;
                    target.constraints = [...arr(target.constraints), { rule: "", message: "" }];
                  })
                }
              >
                Prüfregel hinzufügen
              </Button>
            </div>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}

/** The id: applied on Enter or when leaving the input, so references follow a whole name. */
function IdInput(p: {
  id: string;
  path: string;
  value: string;
  auto: boolean;
  error?: string;
  onApply: (next: string) => string | undefined;
}) {
  // the typed text while the input has focus; otherwise the stored id (which a label may change)
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => setProblem(undefined), [p.value]);
  const apply = () => {
    if (text === null) return;
    const error = p.onApply(text.trim());
    setProblem(error);
    if (!error) setText(null);
  };
  return (
    <TextInput
      id={p.id}
      label="Kennung (Name in Bedingungen und Bescheiden)"
      path={p.path}
      mono
      hint={
        p.auto
          ? "Wird aus der Beschriftung gebildet, bis Sie sie selbst ändern. Übernehmen mit der Eingabetaste."
          : "Übernehmen mit der Eingabetaste oder beim Verlassen des Feldes; Verweise in Ausdrücken werden angepasst."
      }
      value={text ?? p.value}
      error={problem ?? p.error}
      onInput={setText}
      inputProps={{
        onBlur: apply,
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        },
      }}
    />
  );
}
