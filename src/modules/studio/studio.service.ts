import {
  type Finding,
  findUnstorableText,
  lintDefinition,
  loadDefinition,
  type TextBlockLibrary,
} from "../../core/index.ts";
import { type Db, type Tx, withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import {
  ensureService,
  findServiceBySlug,
  findVersion,
  forgetLatest,
  listServices,
  listVersions,
  publishService,
  referenceDefinitions,
  setArchived,
} from "../services/index.ts";
import { libraryOf } from "../textblocks/index.ts";
import { findDraft, insertDraft, listDrafts, lockDraft, updateDraft } from "./studio.repository.ts";

/** A definition as the studio edits it: plain JSON, possibly incomplete while it is a draft. */
export type DraftDefinition = Record<string, unknown> & { id: string };

export type StudioService = {
  slug: string;
  title: string;
  archived: boolean;
  published: { version: number; at: string } | null;
  draft: { revision: number; at: string; by: string | null } | null;
  /** The draft was saved after the newest publication. */
  unpublishedChanges: boolean;
};

export type Draft = {
  slug: string;
  definition: DraftDefinition;
  /** 0 while the service has no draft yet (the definition is then its newest version). */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  publishedVersion: number | null;
  archived: boolean;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every service of the municipality, drafts and archived ones included, by title. */
export async function studioServices(db: Db, tenantId: string): Promise<StudioService[]> {
  return withTenant(db, tenantId, async (tx) => {
    const [services, drafts] = await Promise.all([listServices(tx), listDrafts(tx)]);
    const draftOf = new Map(drafts.map((d) => [d.service_id, d]));
    const out: StudioService[] = services.map((s) => {
      const d = draftOf.get(s.id);
      return {
        slug: s.slug,
        title: s.title ?? (d?.title || s.slug),
        archived: s.archived_at !== null,
        published:
          s.version != null && s.published_at
            ? { version: s.version, at: new Date(s.published_at).toISOString() }
            : null,
        draft: d
          ? { revision: d.revision, at: d.updated_at.toISOString(), by: d.updated_by_name }
          : null,
        unpublishedChanges:
          !!d && (!s.published_at || d.updated_at.getTime() > new Date(s.published_at).getTime()),
      };
    });
    return out.sort((a, b) => a.title.localeCompare(b.title, "de"));
  });
}

/** The reference services a new service can start from. */
export function templates(): { id: string; title: string }[] {
  return referenceDefinitions().map((d) => {
    const def = d as { id: string; meta: { title: string } };
    return { id: def.id, title: def.meta.title };
  });
}

/**
 * A new, empty service: one page with the applicant's name and e-mail, one status. Catalogue
 * facts the platform cannot know (description, LeiKa key, legal basis) are left empty, so the
 * linter names them until the designer fills them in, instead of inventing them.
 */
export function blankDefinition(slug: string, title: string): DraftDefinition {
  return {
    schemaVersion: 1,
    id: slug,
    version: "1.0.0",
    meta: {
      title,
      description: "",
      leikaKey: "",
      legalBasis: [],
      orgUnit: "",
      processingTime: { value: 10, unit: "workingDays" },
      requiredDocuments: [],
    },
    form: {
      pages: [
        {
          id: "antragsteller",
          title: "Antragstellerin / Antragsteller",
          fields: [
            {
              id: "applicantName",
              type: "personName",
              label: "Name",
              required: true,
              prefill: "account.name",
            },
            {
              id: "applicantEmail",
              type: "email",
              label: "E-Mail-Adresse",
              required: true,
              prefill: "account.email",
            },
          ],
        },
      ],
    },
    process: {
      initialStatus: "eingegangen",
      statuses: [{ id: "eingegangen", title: "Eingegangen", kind: "open" }],
      actions: [],
    },
  };
}

export type NewService = {
  slug: string;
  title: string;
  from: { kind: "blank" } | { kind: "template"; id: string } | { kind: "copy"; slug: string };
};

/** Creates a service with its first draft: blank, from a reference service, or a copy. */
export async function createService(
  db: Db,
  tenantId: string,
  userId: string,
  input: NewService,
): Promise<Draft> {
  const slug = input.slug.trim();
  const title = input.title.trim();
  if (!SLUG.test(slug) || slug.length > 80)
    throw new DomainError("studio.error.slug", { field: "slug" });
  if (!title) throw new DomainError("studio.error.titleRequired", { field: "title" });
  await withTenant(db, tenantId, async (tx) => {
    if (await findServiceBySlug(tx, slug))
      throw new DomainError("studio.error.slugTaken", {
        status: 409,
        field: "slug",
        params: { slug },
      });
    let definition: DraftDefinition;
    if (input.from.kind === "blank") definition = blankDefinition(slug, title);
    else {
      const source =
        input.from.kind === "template"
          ? templateDefinition(input.from.id)
          : await currentDefinition(tx, input.from.slug);
      definition = { ...structuredClone(source), id: slug };
      const meta = (definition.meta ?? {}) as Record<string, unknown>;
      definition.meta = { ...meta, title };
    }
    const { id } = await ensureService(tx, tenantId, slug);
    await insertDraft(tx, { tenantId, serviceId: id, definition, userId });
  });
  return draftOf(db, tenantId, slug);
}

function templateDefinition(id: string): DraftDefinition {
  const found = referenceDefinitions().find((d) => (d as { id?: string }).id === id);
  if (!found) throw new DomainError("studio.error.unknownTemplate", { field: "from" });
  return found as DraftDefinition;
}

/** The draft of `slug` or, without one, its newest published version. */
async function currentDefinition(tx: Tx, slug: string): Promise<DraftDefinition> {
  const service = await findServiceBySlug(tx, slug);
  if (!service) throw notFound();
  const draft = await findDraft(tx, service.id);
  if (draft) return draft.definition as DraftDefinition;
  const published = await newestVersion(tx, service.id);
  if (!published) throw notFound();
  return published.definition as DraftDefinition;
}

async function newestVersion(tx: Tx, serviceId: string) {
  const versions = await listVersions(tx, serviceId);
  return versions[0] ? findVersion(tx, serviceId, versions[0].version) : undefined;
}

/** The draft the studio edits: the stored draft, or the newest version at revision 0. */
export async function draftOf(db: Db, tenantId: string, slug: string): Promise<Draft> {
  return withTenant(db, tenantId, async (tx) => {
    const service = await findServiceBySlug(tx, slug);
    if (!service) throw notFound();
    const [draft, versions] = await Promise.all([
      findDraft(tx, service.id),
      listVersions(tx, service.id),
    ]);
    const publishedVersion = versions[0]?.version ?? null;
    const archived = service.archived_at !== null;
    if (draft)
      return {
        slug,
        definition: draft.definition as DraftDefinition,
        revision: draft.revision,
        updatedAt: draft.updated_at.toISOString(),
        updatedBy: draft.updated_by_name,
        publishedVersion,
        archived,
      };
    if (publishedVersion === null) throw notFound();
    const row = await findVersion(tx, service.id, publishedVersion);
    return {
      slug,
      definition: row?.definition as DraftDefinition,
      revision: 0,
      updatedAt: null,
      updatedBy: null,
      publishedVersion,
      archived,
    };
  });
}

/**
 * Saves the draft if nobody saved since `revision` (409 otherwise, naming who did). A draft may
 * be incomplete — the linter reports what is missing — but it must be an object describing this
 * service.
 */
export async function saveDraft(
  db: Db,
  tenantId: string,
  userId: string,
  slug: string,
  input: { revision: number; definition: unknown },
): Promise<{ revision: number; updatedAt: string }> {
  const definition = checkDraftShape(slug, input.definition);
  return withTenant(db, tenantId, async (tx) => {
    const service = await findServiceBySlug(tx, slug);
    if (!service) throw notFound();
    if (input.revision === 0) {
      if (await insertDraft(tx, { tenantId, serviceId: service.id, definition, userId }))
        return { revision: 1, updatedAt: new Date().toISOString() };
      throw await conflict(tx, service.id);
    }
    const saved = await updateDraft(tx, {
      serviceId: service.id,
      revision: input.revision,
      definition,
      userId,
    });
    if (!saved) throw await conflict(tx, service.id);
    return { revision: saved.revision, updatedAt: saved.updated_at.toISOString() };
  });
}

function checkDraftShape(slug: string, value: unknown): DraftDefinition {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new DomainError("studio.error.notADefinition", { field: "definition" });
  const def = value as Record<string, unknown>;
  const unstorable = findUnstorableText(def);
  if (unstorable !== undefined)
    throw new DomainError("studio.error.invalidCharacters", {
      field: unstorable,
      params: { path: unstorable || "/" },
    });
  if (def.id !== slug)
    throw new DomainError("studio.error.idChanged", { field: "id", params: { slug } });
  return def as DraftDefinition;
}

async function conflict(tx: Tx, serviceId: string): Promise<DomainError> {
  const current = await findDraft(tx, serviceId);
  return new DomainError("studio.error.conflict", {
    status: 409,
    params: {
      name: current?.updated_by_name ?? "?",
      revision: current?.revision ?? 0,
    },
  });
}

/**
 * Publishes the stored draft at `revision` as the next immutable version (refused while the
 * linter finds an error, or when the draft changed since the designer last saw it).
 */
export async function publishDraft(
  db: Db,
  tenantId: string,
  userId: string,
  slug: string,
  revision: number,
): Promise<{ version: number }> {
  const published = await publishService(
    db,
    tenantId,
    async (tx: Tx) => {
      const service = await findServiceBySlug(tx, slug);
      if (!service) throw notFound();
      const draft = await lockDraft(tx, service.id);
      if (!draft) throw new DomainError("studio.error.nothingToPublish", { status: 409 });
      if (draft.revision !== revision) throw await conflict(tx, service.id);
      return draft.definition;
    },
    { publishedBy: userId },
  );
  return { version: published.version };
}

/** Archives a service (gone from the catalogue; running cases go on) or restores it. */
export async function archiveService(
  db: Db,
  tenantId: string,
  slug: string,
  archived: boolean,
): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    const service = await findServiceBySlug(tx, slug);
    if (!service) throw notFound();
    await setArchived(tx, service.id, archived);
  });
  forgetLatest(tenantId, slug);
}

export type VersionInfo = {
  version: number;
  title: string;
  publishedAt: string;
  publishedBy: string | null;
};

export async function versionsOf(db: Db, tenantId: string, slug: string): Promise<VersionInfo[]> {
  return withTenant(db, tenantId, async (tx) => {
    const service = await findServiceBySlug(tx, slug);
    if (!service) throw notFound();
    return (await listVersions(tx, service.id)).map((v) => ({
      version: v.version,
      title: v.title,
      publishedAt: new Date(v.published_at as Date).toISOString(),
      publishedBy: v.published_by,
    }));
  });
}

/** The definition of a published version, exactly as it was published. */
export async function versionDefinition(
  db: Db,
  tenantId: string,
  slug: string,
  version: number,
): Promise<unknown> {
  return withTenant(db, tenantId, async (tx) => {
    const service = await findServiceBySlug(tx, slug);
    if (!service) throw notFound();
    const row = await findVersion(tx, service.id, version);
    if (!row) throw notFound();
    return row.definition;
  });
}

/** The municipality's text blocks, for the studio's linter and notice editor. */
export function textBlockLibrary(db: Db, tenantId: string): Promise<TextBlockLibrary> {
  return withTenant(db, tenantId, (tx) => libraryOf(tx, tenantId));
}

export type ImportResult =
  | { ok: true; draft: Draft; warnings: Finding[] }
  | { ok: false; problems: Finding[] };

/** The largest service file accepted for import (the largest reference service is ~60 KB). */
export const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Imports a service file (the exchange format: one definition as JSON). Nothing is imported
 * unless the file loads and the linter finds no error — every problem is listed. Into a new
 * service (its `id`, or `slug` when given), or, with `into`, as the new draft of an existing
 * service (revision-checked like a save; the file's `id` is replaced by the service's).
 */
export async function importService(
  db: Db,
  tenantId: string,
  userId: string,
  text: string,
  options: { slug?: string; into?: { slug: string; revision: number } } = {},
): Promise<ImportResult> {
  if (Buffer.byteLength(text, "utf8") > IMPORT_LIMIT_BYTES)
    return {
      ok: false,
      problems: [{ path: "", key: "studio.import.tooLarge", severity: "error", params: { mb: 2 } }],
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      problems: [
        {
          path: "",
          key: "studio.import.notJson",
          severity: "error",
          params: { detail: (err as Error).message.slice(0, 200) },
        },
      ],
    };
  }
  const unstorable = findUnstorableText(parsed);
  if (unstorable !== undefined)
    return {
      ok: false,
      problems: [
        {
          path: unstorable,
          key: "studio.error.invalidCharacters",
          severity: "error",
          params: { path: unstorable || "/" },
        },
      ],
    };
  const slug = options.into?.slug ?? options.slug ?? (parsed as { id?: unknown })?.id;
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed) && typeof slug === "string")
    (parsed as Record<string, unknown>).id = slug;
  const library = await textBlockLibrary(db, tenantId);
  const report = lintDefinition(parsed, { library });
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length > 0 || !loadDefinition(parsed).ok) return { ok: false, problems: errors };
  const definition = parsed as DraftDefinition;
  if (options.into) {
    await saveDraft(db, tenantId, userId, options.into.slug, {
      revision: options.into.revision,
      definition,
    });
    return {
      ok: true,
      draft: await draftOf(db, tenantId, options.into.slug),
      warnings: report.findings.filter((f) => f.severity !== "error"),
    };
  }
  await withTenant(db, tenantId, async (tx) => {
    if (await findServiceBySlug(tx, definition.id))
      throw new DomainError("studio.error.slugTaken", {
        status: 409,
        field: "slug",
        params: { slug: definition.id },
      });
    const { id } = await ensureService(tx, tenantId, definition.id);
    await insertDraft(tx, { tenantId, serviceId: id, definition, userId });
  });
  return {
    ok: true,
    draft: await draftOf(db, tenantId, definition.id),
    warnings: report.findings.filter((f) => f.severity !== "error"),
  };
}
