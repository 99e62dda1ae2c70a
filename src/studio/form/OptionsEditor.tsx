/** The choices of a select, radio or multiselect field: its own options or a code list. */
import type { Finding } from "../../core/index.ts";
import { errorAt } from "../editor/MetaTab.tsx";
import { at, type Def, type DraftStore } from "../store.ts";
import { Button, move, Select, TextInput } from "../ui.tsx";
import { arr, uniqueId } from "./fieldTypes.ts";

export function OptionsEditor(p: {
  store: DraftStore;
  path: string;
  field: Def;
  findings: Finding[];
  idPrefix: string;
}) {
  const { field, path, findings: f } = p;
  const codeLists = Object.entries((p.store.state.def.codeLists ?? {}) as Record<string, Def>);
  const usesList = typeof field.codeList === "string";
  const options = arr(field.options);
  const id = (name: string) => `${p.idPrefix}-${name}`;
  const change = (recipe: (target: Def) => void) =>
    p.store.change((d) => {
      const target = at(d, path) as Def | undefined;
      if (target) recipe(target);
    });

  return (
    <fieldset class="kern-fieldset studio-options" data-path={path}>
      <legend class="kern-label">Auswahlmöglichkeiten</legend>
      <div class="kern-fieldset__body">
        <Select
          id={id("source")}
          label="Herkunft der Optionen"
          value={usesList ? "codeList" : "options"}
          hint={
            codeLists.length === 0
              ? "Codelisten (z. B. aus XRepository) legen Sie im Reiter Allgemein an."
              : undefined
          }
          onChange={(v) =>
            change((t) => {
              if (v === "codeList" && codeLists.length > 0) {
                delete t.options;
                t.codeList = codeLists[0]![0];
              } else if (v === "options") {
                delete t.codeList;
                t.options ??= [
                  { value: "option1", label: "Option 1" },
                  { value: "option2", label: "Option 2" },
                ];
              }
            })
          }
          options={[
            { value: "options", label: "Eigene Optionen" },
            ...(codeLists.length > 0 || usesList
              ? [{ value: "codeList", label: "Codeliste der Definition" }]
              : []),
          ]}
        />
        {usesList ? (
          <Select
            id={id("codeList")}
            label="Codeliste"
            path={`${path}.codeList`}
            value={field.codeList}
            error={errorAt(f, `${path}.codeList`)}
            onChange={(v) => change((t) => (t.codeList = v))}
            options={[
              ...codeLists.map(([key, list]) => ({
                value: key,
                label: `${typeof list?.title === "string" && list.title ? list.title : key} (${arr(list?.options).length} Einträge)`,
              })),
              ...(codeLists.some(([key]) => key === field.codeList)
                ? []
                : [
                    { value: String(field.codeList), label: `${field.codeList} (nicht vorhanden)` },
                  ]),
            ]}
          />
        ) : (
          <>
            {errorAt(f, `${path}.options`) ? (
              <p class="kern-error">
                <span class="kern-body">{errorAt(f, `${path}.options`)}</span>
              </p>
            ) : null}
            <ol class="studio-options__list">
              {options.map((o, i) => (
                <li key={i} class="studio-row">
                  <TextInput
                    id={id(`option-${i}-label`)}
                    label={`Option ${i + 1}: Text`}
                    path={`${path}.options[${i}].label`}
                    value={o?.label}
                    error={errorAt(f, `${path}.options[${i}].label`)}
                    onInput={(v) => change((t) => (t.options[i].label = v))}
                  />
                  <TextInput
                    id={id(`option-${i}-value`)}
                    label={`Option ${i + 1}: Wert`}
                    hint="für Bedingungen"
                    mono
                    path={`${path}.options[${i}].value`}
                    value={o?.value}
                    error={errorAt(f, `${path}.options[${i}].value`)}
                    onInput={(v) => change((t) => (t.options[i].value = v))}
                  />
                  <span class="studio-options__actions">
                    <Button
                      small
                      variant="tertiary"
                      label={`Option ${i + 1} nach oben`}
                      disabled={i === 0}
                      onClick={() => change((t) => move(t.options, i, i - 1))}
                    >
                      ↑
                    </Button>
                    <Button
                      small
                      variant="tertiary"
                      label={`Option ${i + 1} entfernen`}
                      disabled={options.length <= 1}
                      onClick={() => change((t) => t.options.splice(i, 1))}
                    >
                      Entfernen
                    </Button>
                  </span>
                </li>
              ))}
            </ol>
            <Button
              small
              onClick={() =>
                change((t) => {
                  const list = arr(t.options);
                  const taken = new Set(list.map((o) => String(o?.value)));
                  const value = uniqueId(`option${list.length + 1}`, taken);
                  t.options = [...list, { value, label: `Option ${list.length + 1}` }];
                })
              }
            >
              Option hinzufügen
            </Button>
          </>
        )}
      </div>
    </fieldset>
  );
}
