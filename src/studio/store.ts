/**
 * The draft being edited: the definition (immutable values; every change makes a new one with
 * structural sharing, so unchanged parts keep their identity and their editors skip
 * re-rendering), the revision it was loaded or saved at, the linter's findings computed in the
 * browser by the same `src/core` the server publishes with, and saving with a revision check.
 */
import { produce } from "immer";
import { useEffect, useState } from "preact/hooks";
import { type Finding, lintDefinition, type TextBlockLibrary } from "../core/index.ts";
import { type Api, ApiError } from "./api.ts";

/** A definition as edited: JSON, possibly incomplete. Editors read it, `change` writes it. */
// biome-ignore lint/suspicious/noExplicitAny: a draft is free-form JSON until the linter accepts it
export type Def = Record<string, any>;

export type DraftInfo = {
  slug: string;
  definition: Def;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  publishedVersion: number | null;
  archived: boolean;
};

export type StoreState = {
  def: Def;
  revision: number;
  dirty: boolean;
  saving: boolean;
  publishedVersion: number | null;
  archived: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  findings: Finding[];
  /** Milliseconds the last lint took (shown in the linter panel; measured by bench/studio). */
  lintMs: number;
  /** A save was refused because someone else saved first. */
  conflict: string | null;
  error: string | null;
  /** Where the linter panel asked to jump to: a definition path, with a counter to re-trigger. */
  focus: { path: string; seq: number } | null;
};

export class DraftStore {
  readonly slug: string;
  readonly api: Api;
  readonly library: TextBlockLibrary;
  state: StoreState;
  private listeners = new Set<() => void>();
  private lintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(api: Api, draft: DraftInfo, library: TextBlockLibrary) {
    this.api = api;
    this.slug = draft.slug;
    this.library = library;
    this.state = {
      def: draft.definition,
      revision: draft.revision,
      dirty: false,
      saving: false,
      publishedVersion: draft.publishedVersion,
      archived: draft.archived,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      findings: [],
      lintMs: 0,
      conflict: null,
      error: null,
      focus: null,
    };
    this.lintNow();
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<StoreState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** Applies an edit: `recipe` mutates a draft copy (immer); the linter runs right after. */
  change = (recipe: (draft: Def) => void): void => {
    const def = produce(this.state.def, recipe);
    if (def === this.state.def) return;
    this.set({ def, dirty: true, error: null });
    this.scheduleLint();
  };

  /** Replaces the whole definition (import, version restore). */
  replace(def: Def, revision?: number) {
    this.set({ def, dirty: revision === undefined, revision: revision ?? this.state.revision });
    this.lintNow();
  }

  private scheduleLint() {
    clearTimeout(this.lintTimer);
    this.lintTimer = setTimeout(() => this.lintNow(), 60);
  }

  lintNow() {
    const started = performance.now();
    const report = lintDefinition(this.state.def, { library: this.library });
    this.set({ findings: report.findings, lintMs: performance.now() - started });
  }

  jump(path: string) {
    this.set({ focus: { path, seq: (this.state.focus?.seq ?? 0) + 1 } });
  }

  /** Saves the draft; false (with `conflict` or `error` set) when the server refused. */
  async save(): Promise<boolean> {
    if (this.state.saving) return false;
    const def = this.state.def;
    this.set({ saving: true, error: null });
    try {
      const saved = await this.api.put<{ revision: number; updatedAt: string }>(
        `/services/${this.slug}/draft`,
        { revision: this.state.revision, definition: def },
      );
      this.set({
        saving: false,
        revision: saved.revision,
        updatedAt: saved.updatedAt,
        // edits made while the save was on its way stay unsaved
        dirty: this.state.def !== def,
      });
      return true;
    } catch (err) {
      const e = err as ApiError;
      if (e instanceof ApiError && e.status === 409)
        this.set({ saving: false, conflict: e.message });
      else this.set({ saving: false, error: e.message });
      return false;
    }
  }

  /** Loads the stored draft again, dropping unsaved changes (after a conflict). */
  async reload(): Promise<void> {
    const draft = await this.api.get<DraftInfo>(`/services/${this.slug}/draft`);
    this.set({
      def: draft.definition,
      revision: draft.revision,
      dirty: false,
      conflict: null,
      error: null,
      publishedVersion: draft.publishedVersion,
      archived: draft.archived,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
    });
    this.lintNow();
  }

  /** Saves if needed, then publishes; the new version number. */
  async publish(): Promise<number | null> {
    if (this.state.dirty || this.state.revision === 0) {
      if (!(await this.save())) return null;
    }
    try {
      const { version } = await this.api.post<{ version: number }>(
        `/services/${this.slug}/publish`,
        {
          revision: this.state.revision,
        },
      );
      this.set({ publishedVersion: version, error: null });
      return version;
    } catch (err) {
      const e = err as ApiError;
      if (e instanceof ApiError && e.status === 409) this.set({ conflict: e.message });
      else this.set({ error: e.message });
      return null;
    }
  }

  async setArchived(archived: boolean) {
    await this.api.post(`/services/${this.slug}/archive`, { archived });
    this.set({ archived });
  }
}

/** Re-renders the component whenever the store changes. */
export function useStore(store: DraftStore): StoreState {
  const [, tick] = useState(0);
  useEffect(() => store.subscribe(() => tick((n) => n + 1)), [store]);
  return store.state;
}

/** Reads a value at a linter path (`form.pages[0].fields[2]`) of a definition. */
export function at(def: unknown, path: string): unknown {
  let value: unknown = def;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The findings at or below `path`. */
export function findingsAt(findings: Finding[], path: string): Finding[] {
  return findings.filter(
    (f) => f.path === path || f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`),
  );
}
