import type { TextBlockLibrary } from "../core/index.ts";
import type { Api } from "./api.ts";
import type { DraftStore, StoreState } from "./store.ts";

/** What every part of the studio knows: the municipality, the API, the text-block library. */
export type StudioContext = {
  tenant: string;
  tenantName: string;
  user: string;
  api: Api;
  library: TextBlockLibrary;
  navigate: (path: string) => void;
};

/**
 * The props of every editor tab. Read the draft from `state.def`; write it only through
 * `store.change(draft => { ...mutate... })`. Give every input the linter path of what it edits
 * (`data-path`, see ui.tsx): when `state.focus` names a path inside the tab, select the item it
 * belongs to so that its input is rendered — the editor then focuses it.
 */
export type TabProps = { store: DraftStore; state: StoreState; ctx: StudioContext };

/** The editor's tabs, in order, with the definition paths each one owns. */
export const TABS = [
  {
    id: "allgemein",
    label: "Allgemein",
    owns: ["meta", "id", "version", "schemaVersion", "codeLists"],
  },
  { id: "formular", label: "Formular", owns: ["form"] },
  { id: "ablauf", label: "Ablauf", owns: ["process"] },
  { id: "gebuehren", label: "Gebühren", owns: ["fees"] },
  {
    id: "bescheide",
    label: "Bescheide und Nachrichten",
    owns: ["documents", "textBlocks", "notifications"],
  },
  { id: "pruefung", label: "Prüfung", owns: [] },
  { id: "testlauf", label: "Testlauf", owns: [] },
  { id: "versionen", label: "Veröffentlichen und Versionen", owns: [] },
] as const;

export type TabId = (typeof TABS)[number]["id"];

/** The tab that edits the place a linter path names. */
export function tabFor(path: string): TabId {
  const root = path.match(/^[^.[]*/)?.[0] ?? "";
  return TABS.find((t) => (t.owns as readonly string[]).includes(root))?.id ?? "allgemein";
}
