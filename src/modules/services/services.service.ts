import {
  type Finding,
  formatMessage,
  lintDefinition,
  loadDefinition,
  type ServiceDefinition,
} from "../../core/index.ts";
import { type Db, type Tx, withTenant } from "../../platform/db/database.ts";
import { DomainError } from "../../platform/errors.ts";
import { orgUnitsOf } from "../tenants/index.ts";
import { libraryOf } from "../textblocks/index.ts";
import {
  ensureService,
  findLatestPublished,
  findVersion,
  insertPublishedVersion,
  listLatestPublished,
  nextVersion,
  type PublishedRow,
} from "./services.repository.ts";

export type PublishedService = {
  serviceId: string;
  slug: string;
  version: number;
  definition: ServiceDefinition;
};

/**
 * Loaded definitions by (tenant, service, version). Published versions never change, so an entry
 * never goes stale; loading compiles every FEEL expression once, which is what makes validation
 * fast. Bounded so that a large instance does not keep every version ever published.
 */
const cache = new Map<string, ServiceDefinition>();
const CACHE_LIMIT = 1000;

function loaded(tenantId: string, row: PublishedRow): PublishedService {
  const key = `${tenantId}:${row.service_id}:${row.version}`;
  let definition = cache.get(key);
  if (!definition) {
    const result = loadDefinition(row.definition);
    // A stored version passed the linter when it was published; failing here is a bug.
    if (!result.ok)
      throw new Error(`Stored definition ${key} no longer loads: ${result.problems[0]?.key}`);
    definition = result.definition;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, definition);
  }
  return { serviceId: row.service_id, slug: row.slug, version: row.version, definition };
}

/**
 * Publishes a definition as the next immutable version of the service named by its `id`
 * (created on first publication). Refused, with the first finding, unless the linter finds no
 * error — checked against the municipality's text blocks, which stay locked until the version
 * is stored, so that a block the service uses cannot be deleted or changed meanwhile.
 * `input` may be a function reading the definition inside the publishing transaction (the
 * studio publishes its draft row, locked, so that no save slips in between).
 */
export async function publishService(
  db: Db,
  tenantId: string,
  input: unknown | ((tx: Tx) => Promise<unknown>),
  options: { publishedBy?: string } = {},
): Promise<{ serviceId: string; slug: string; version: number }> {
  const published = await withTenant(db, tenantId, async (tx) => {
    const source = typeof input === "function" ? await input(tx) : input;
    const library = await libraryOf(tx, tenantId, { lock: true });
    const report = lintDefinition(source, { library });
    if (!report.publishable || !report.definition) throw notPublishable(report.findings);
    const definition = report.definition;
    const serviceId = (await ensureService(tx, tenantId, definition.id)).id;
    const version = await nextVersion(tx, serviceId);
    await insertPublishedVersion(tx, {
      tenantId,
      serviceId,
      version,
      title: definition.meta.title,
      definition: source,
      publishedBy: options.publishedBy ?? null,
    });
    return { serviceId, slug: definition.id, version };
  });
  // This process sees its own publication at once.
  latest.delete(`${tenantId}:${published.slug}`);
  return published;
}

/** Forgets the remembered newest version of `slug` (after archiving or restoring it). */
export function forgetLatest(tenantId: string, slug: string): void {
  latest.delete(`${tenantId}:${slug}`);
}

function notPublishable(findings: Finding[]): DomainError {
  const errors = findings.filter((f) => f.severity === "error");
  const first = errors[0];
  return new DomainError("services.error.notPublishable", {
    status: 422,
    params: {
      count: errors.length,
      first: first?.path ?? "",
      finding: first ? formatMessage(first.key, first.params) : "",
    },
  });
}

/**
 * Which version of a service is the newest, remembered for a few seconds: every submission asks,
 * and a newly published (or archived) version may take that long to reach other processes.
 */
const latest = new Map<string, { at: number; service: PublishedService | undefined }>();
const LATEST_TTL_MS = 5_000;

/** The version of `slug` a new application starts on: the newest published one. */
export async function getPublishedService(
  db: Db,
  tenantId: string,
  slug: string,
): Promise<PublishedService | undefined> {
  const key = `${tenantId}:${slug}`;
  const hit = latest.get(key);
  if (hit && Date.now() - hit.at < LATEST_TTL_MS) return hit.service;
  const row = await withTenant(db, tenantId, (tx) => findLatestPublished(tx, slug));
  const service = row ? loaded(tenantId, row) : undefined;
  if (latest.size >= CACHE_LIMIT) latest.delete(latest.keys().next().value as string);
  latest.set(key, { at: Date.now(), service });
  return service;
}

/** A specific version (a running case stays on the version it started with). */
export async function getServiceVersion(
  db: Db,
  tenantId: string,
  serviceId: string,
  version: number,
): Promise<PublishedService | undefined> {
  const row = await withTenant(db, tenantId, (tx) => findVersion(tx, serviceId, version));
  return row ? loaded(tenantId, row) : undefined;
}

export type CatalogueEntry = {
  slug: string;
  title: string;
  description: string;
  keywords: string[];
  /** `meta.category`, else the name of the org unit `meta.orgUnit` names. */
  category: string;
};

/** The municipality's published services for its start page, by title. */
export async function catalogue(db: Db, tenantId: string): Promise<CatalogueEntry[]> {
  const [rows, units] = await Promise.all([
    withTenant(db, tenantId, (tx) => listLatestPublished(tx)),
    orgUnitsOf(db, tenantId),
  ]);
  return rows
    .map((r) => {
      const { meta } = loaded(tenantId, r).definition;
      return {
        slug: r.slug,
        title: meta.title,
        description: meta.description,
        keywords: meta.keywords ?? [],
        category: meta.category ?? orgUnitLabel(meta.orgUnit, units),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, "de"));
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * The org unit a definition names (by id, name or slug, or the unit whose slug is its prefix, as
 * the inbox routes it), else the key itself in words ("bauamt-tiefbau" -> "Bauamt Tiefbau").
 */
function orgUnitLabel(key: string, units: { id: string; name: string }[]): string {
  const unit =
    units.find((u) => u.id === key || u.name === key || slugOf(u.name) === key) ??
    units.find((u) => key.startsWith(`${slugOf(u.name)}-`));
  if (unit) return unit.name;
  return key
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}
