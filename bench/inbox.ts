/**
 * Inbox benchmark (a script, not a test: it prints figures and asserts nothing).
 *
 *   npm run bench:inbox [-- cases]            (default 1,000,000 cases across 100 municipalities)
 *
 * Against a real PostgreSQL (DATABASE_URL if set, otherwise an embedded server with its own data
 * directory in a temporary folder, removed afterwards): creates a fresh database, starts
 * Dienstwerk in this process on a loopback port, creates 100 municipalities (each with an org
 * unit, three caseworkers and the dog-registration service) and loads the cases with one
 * `INSERT … SELECT … FROM generate_series` (statuses, received dates over two years, German
 * names, a dog per case; the inbox columns computed in the same statement, triggers off for the
 * load). Then a caseworker of one municipality signs in and each scenario is requested
 * sequentially over HTTP (30 warm-up, 300 measured): the default view ("mine"), all cases, a
 * search for a family name and a search for a reference number. For comparison, in the same run:
 * the inbox service called in process (no HTTP, no HTML) and the repository's SQL alone (list +
 * view counts in one RLS transaction). Target: p95 ≤ 20 ms over HTTP.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openScratchDatabase } from "../scripts/scratch-database.ts";
import { startDienstwerk } from "../src/app.ts";
import { createStaffUser, grantMembership, SESSION_COOKIE } from "../src/modules/accounts/index.ts";
import { type Filters, readInbox, type View } from "../src/modules/inbox/inbox.repository.ts";
import { inboxPage, PAGE_SIZE, scopeOf } from "../src/modules/inbox/inbox.service.ts";
import { publishService } from "../src/modules/services/index.ts";
import { createOrgUnit, createTenant } from "../src/modules/tenants/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import { withTenant } from "../src/platform/db/database.ts";

const TENANTS = 100;
const WARM_UP = 30;
const REQUESTS = 300;
const PASSWORD = "ein langes Passwort für den Benchmark";
const LANDS = ["ST", "SN", "TH", "BB", "NI", "NW", "BY", "BW", "HE", "SH"] as const;

const GIVEN = [
  "Anna",
  "Lena",
  "Marie",
  "Sophie",
  "Emma",
  "Hannah",
  "Lea",
  "Laura",
  "Julia",
  "Katharina",
  "Max",
  "Paul",
  "Leon",
  "Lukas",
  "Felix",
  "Jonas",
  "Tim",
  "Jan",
  "Thomas",
  "Michael",
];
const FAMILY = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Meier",
  "Lehmann",
];
const STREETS = [
  "Lindenallee",
  "Hauptstraße",
  "Bahnhofstraße",
  "Schulweg",
  "Am Markt",
  "Gartenstraße",
  "Mühlenweg",
  "Kirchplatz",
  "Birkenweg",
  "Feldstraße",
];
const DOGS = [
  "Bello",
  "Luna",
  "Hasso",
  "Waldi",
  "Rex",
  "Kira",
  "Balu",
  "Emma",
  "Sammy",
  "Nala",
  "Rocky",
  "Lumpi",
  "Bruno",
  "Frieda",
  "Struppi",
];
const BREEDS = [
  "Labrador Retriever",
  "Dackel",
  "Schäferhund",
  "Mischling",
  "Golden Retriever",
  "Beagle",
  "Border Collie",
  "Pudel",
  "Boxer",
  "Terrier",
];

const pgArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

/** The cases of all municipalities in one statement; the inbox columns computed alongside. */
function seedSql(total: number): string {
  const perTenant = Math.ceil(total / TENANTS);
  // Received dates over two years, in reference order: case n of a municipality is older than n+1.
  const stepSeconds = (730 * 86400) / perTenant;
  return `
with g as (
  select g, g % ${TENANTS} as ti, g / ${TENANTS} as n,
    now() - make_interval(secs => (${perTenant - 1} - g / ${TENANTS}) * ${stepSeconds}
      + random() * ${Math.min(3600, stepSeconds)}) as received_at,
    random() as r_status, random() as r_channel, random() as r_pending,
    (${pgArray(GIVEN)})[1 + floor(random() * ${GIVEN.length})::int] as given,
    (${pgArray(FAMILY)})[1 + floor(random() * ${FAMILY.length})::int] as family,
    (${pgArray(STREETS)})[1 + floor(random() * ${STREETS.length})::int] as street,
    (${pgArray(DOGS)})[1 + floor(random() * ${DOGS.length})::int] as dog,
    (${pgArray(BREEDS)})[1 + floor(random() * ${BREEDS.length})::int] as breed
  from generate_series(0, ${total - 1}) g
), s as (
  select g.*, t.tenant_id, t.service_id, t.org_unit_id, t.city,
    (array[t.u1, t.u2, t.u3])[1 + n % 3] as worker,
    (array[t.u1, t.u2, t.u3])[1 + (n + 1) % 3] as other,
    case
      when received_at < now() - interval '60 days' then case
        when r_status < 0.85 then 'festgesetzt' when r_status < 0.93 then 'eingestellt'
        when r_status < 0.97 then 'zurueckgenommen' else 'inPruefung' end
      else case
        when r_status < 0.3 then 'eingegangen' when r_status < 0.7 then 'inPruefung'
        when r_status < 0.8 then 'rueckfrage' else 'festgesetzt' end
    end as status
  from g join bench_tenants t on t.idx = g.ti
), c as (
  select s.*,
    status in ('eingegangen', 'inPruefung', 'rueckfrage') as open,
    case when status <> 'eingegangen' then worker end as assignee,
    case when status in ('eingegangen', 'inPruefung')
      then (received_at at time zone 'Europe/Berlin')::date + 14 end as due,
    case when status = 'rueckfrage'
      then (received_at at time zone 'Europe/Berlin')::date + 21 end as follow,
    case when status = 'inPruefung' and r_pending < 0.05 then other::text end as proposer,
    case when status = 'eingegangen' then 1 when status in ('inPruefung', 'rueckfrage') then 3
      else 5 end as ver
  from s
)
insert into cases (tenant_id, reference, service_id, service_version, status, state, version,
  channel, received_at, created_at, updated_at, org_unit_id, assignee_id, due_date, follow_up,
  pending_by, open, applicant_name)
select tenant_id,
  'HUND-' || extract(year from received_at at time zone 'Europe/Berlin')::int || '-'
    || lpad((n + 1)::text, 5, '0'),
  service_id, 1, status,
  jsonb_strip_nulls(jsonb_build_object(
    'status', status, 'version', ver, 'statusEnteredAt', to_jsonb(received_at),
    'dueDate', due, 'followUp', follow,
    'assignedTo', jsonb_build_object('orgUnit', 'steuern-abgaben', 'actorId', assignee),
    'pending', case when proposer is not null then jsonb_build_object('actionId', 'assessTax',
      'proposedBy', proposer, 'proposedAt', to_jsonb(received_at), 'input', '{}'::jsonb) end,
    'data', jsonb_build_object(
      'applicantName', jsonb_build_object('givenName', given, 'familyName', family),
      'applicantBirthDate', to_char(date '1950-01-01' + (n * 37) % 18000, 'YYYY-MM-DD'),
      'applicantAddress', jsonb_build_object('street', street, 'houseNumber', (1 + n % 80)::text,
        'postcode', lpad((10000 + ti * 17)::text, 5, '0'), 'city', city, 'country', 'DE'),
      'applicantEmail', lower(given) || '.' || n || '@example.org',
      'existingDogs', 0,
      'dogs', jsonb_build_array(jsonb_build_object('dogName', dog, 'dogBreed', breed,
        'dogSex', case when n % 2 = 0 then 'ruede' else 'huendin' end, 'dogRelief', 'keine')),
      'truthfulnessConfirmed', true))),
  ver,
  case when r_channel < 0.7 then 'online' when r_channel < 0.8 then 'post'
    when r_channel < 0.85 then 'email' when r_channel < 0.9 then 'phone'
    when r_channel < 0.95 then 'counter' else 'api' end,
  received_at, received_at, received_at, org_unit_id, assignee, due, follow, proposer, open,
  given || ' ' || family
from c`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const fmt = (sorted: number[]) =>
  [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1).padStart(7)).join("");

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  if (!(Number.isInteger(total) && total >= TENANTS && total <= 10_000_000)) {
    throw new Error(`cases: ${TENANTS}..10000000`);
  }
  const secretKey = "dienstwerk-bench-secret-key-000000000000";
  const dataDir = mkdtempSync(path.join(tmpdir(), "dienstwerk-bench-inbox-"));
  const db = await openScratchDatabase({ prefix: "dienstwerk_bench_inbox", dataDir, secretKey });
  const { adminUrl, dbName, where } = db;
  console.log(`# database ${dbName} on ${where}`);
  console.log(
    `# ${cpus()[0]?.model ?? "cpu"} × ${availableParallelism()}, Node ${process.version}; ${total} cases, ${TENANTS} municipalities`,
  );

  const app = await startDienstwerk(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: adminUrl,
      DATABASE_APP_PASSWORD: "bench-app-password",
      SECRET_KEY: secretKey,
      HOST: "127.0.0.1",
      PORT: "0",
      BASE_URL: "http://127.0.0.1",
      LOG_LEVEL: "silent",
      // Staff sign in with a password alone (no TOTP enrolment) in demo mode.
      DEMO_MODE: "true",
      JOBS: "false",
    }),
  );
  const owner = new pg.Client({ connectionString: adminUrl });
  await owner.connect();
  try {
    const db = app.platform.database.db;
    const definition = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));

    // --- seed ---
    let started = performance.now();
    const me = await createStaffUser(app.platform, {
      email: `bench-${randomUUID().slice(0, 8)}@example.org`,
      name: "Anna Amt",
      password: PASSWORD,
    });
    const { rows: hashRows } = await owner.query("select password_hash from users where id = $1", [
      me.id,
    ]);
    const passwordHash = hashRows[0].password_hash as string;
    const tenants: { id: string; slug: string; unit: string; users: string[] }[] = [];
    for (let i = 0; i < TENANTS; i++) {
      const slug = `bench-${String(i + 1).padStart(3, "0")}`;
      const tenant = await createTenant(db, {
        slug,
        settings: { name: `Benchstadt ${i + 1}`, state: LANDS[i % LANDS.length] },
      });
      // "Steuern, Abgaben" is the unit the service's meta.orgUnit ("steuern-abgaben") names.
      const unit = await createOrgUnit(db, tenant.id, { name: "Steuern, Abgaben" });
      await publishService(db, tenant.id, definition);
      const { rows } = await owner.query(
        `insert into users (kind, email, name, password_hash)
         select 'staff', $1 || '-' || k || '@example.org', 'Sachbearbeitung ' || k, $2
         from generate_series(1, $3::int) k returning id`,
        [`bench-${i + 1}-${randomUUID().slice(0, 8)}`, passwordHash, i === 0 ? 2 : 3],
      );
      const users = [...(i === 0 ? [me.id] : []), ...rows.map((r) => r.id as string)];
      for (const userId of users) {
        await grantMembership(db, {
          tenantId: tenant.id,
          userId,
          roles: ["caseworker", "approver"],
        });
      }
      await owner.query(
        "update memberships set org_unit_ids = array[$2::uuid] where tenant_id = $1",
        [tenant.id, unit.id],
      );
      tenants.push({ id: tenant.id, slug, unit: unit.id, users });
    }
    const setupMs = performance.now() - started;
    await owner.query(`create temp table bench_tenants (
      idx int primary key, tenant_id uuid, service_id uuid, org_unit_id uuid, city text,
      u1 uuid, u2 uuid, u3 uuid)`);
    await owner.query(
      `insert into bench_tenants
       select t.idx - 1, t.id, (select service_id from service_versions v where v.tenant_id = t.id limit 1),
         t.unit, 'Benchstadt ' || t.idx, t.u1, t.u2, t.u3
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[])
         with ordinality t(id, unit, u1, u2, u3, idx)`,
      [
        tenants.map((t) => t.id),
        tenants.map((t) => t.unit),
        ...[0, 1, 2].map((k) => tenants.map((t) => t.users[k])),
      ],
    );
    started = performance.now();
    let triggersOff = true;
    try {
      await owner.query("set session_replication_role = replica");
    } catch {
      triggersOff = false; // not a superuser: the trigger computes the same columns, slower
    }
    await owner.query(seedSql(total));
    if (triggersOff) await owner.query("set session_replication_role = default");
    const loadMs = performance.now() - started;
    started = performance.now();
    await owner.query("vacuum analyze cases");
    const vacuumMs = performance.now() - started;
    // Write the loaded pages out now: otherwise the checkpointer flushes ~2 GB of them while the
    // first scenarios are measured, which times the disk, not the inbox.
    started = performance.now();
    await owner.query("checkpoint").catch(() => {}); // needs superuser or pg_checkpoint
    const checkpointMs = performance.now() - started;
    const { rows: sizeRows } = await owner.query(
      "select pg_size_pretty(pg_total_relation_size('cases')) as size, (select count(*) from cases where open)::int as open",
    );
    console.log(
      `seed: ${TENANTS} municipalities, org units, staff, services ${(setupMs / 1000).toFixed(1)} s; ` +
        `${total} cases ${(loadMs / 1000).toFixed(1)} s${triggersOff ? " (triggers off)" : " (through the trigger)"}; ` +
        `vacuum analyze ${(vacuumMs / 1000).toFixed(1)} s; checkpoint ${(checkpointMs / 1000).toFixed(1)} s; cases table ${sizeRows[0].size}, ${sizeRows[0].open} open`,
    );

    // --- measure ---
    const tenant = tenants[0];
    const base = `http://127.0.0.1:${new URL(app.url).port}`;
    const cookie = await signIn(base, tenant.slug, me.id, owner);
    const { rows: sample } = await owner.query(
      "select reference from cases where tenant_id = $1 order by received_at desc offset $2 limit 1",
      [tenant.id, Math.min(500, Math.floor(total / TENANTS / 2))],
    );
    const reference = sample[0].reference as string;
    const scenarios: { name: string; query: string; view: View; filters: Filters }[] = [
      { name: "inbox, default view (mine)", query: "", view: "meine", filters: {} },
      { name: "inbox, all cases", query: "?ansicht=alle", view: "alle", filters: {} },
      {
        name: "search a family name, all",
        query: "?ansicht=alle&suche=Schneider",
        view: "alle",
        filters: { q: "Schneider" },
      },
      {
        name: "search a reference, all",
        query: `?ansicht=alle&suche=${encodeURIComponent(reference)}`,
        view: "alle",
        filters: { q: reference },
      },
    ];
    const viewer = { userId: me.id, roles: ["caseworker", "approver"] as const };
    const tenantRef = { id: tenant.id, state: "ST" };
    console.log(
      `caseworker of ${tenant.slug}: ${WARM_UP} warm-up, ${REQUESTS} measured, sequential`,
    );
    console.log("");
    console.log(`${"ms".padEnd(30)}${"".padEnd(4)}    p50    p95    p99`);
    const results: { name: string; http: number[]; sqlOnly: number[] }[] = [];
    for (const s of scenarios) {
      const url = `${base}/${tenant.slug}/amt/${s.query}`;
      let rowsSeen = -1;
      const http = await measure(async () => {
        const res = await fetch(url, { headers: { cookie } });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
        rowsSeen = (body.match(/<th scope="row"/g) ?? []).length;
      });
      const service = await measure(async () => {
        await inboxPage(
          app.platform,
          tenantRef,
          { ...viewer, roles: [...viewer.roles] },
          {
            view: s.view,
            filters: s.filters,
            sort: "eingang",
          },
        );
      });
      const scope = await scopeOf(db, tenantRef, { ...viewer, roles: [...viewer.roles] });
      const sqlOnly = await measure(async () => {
        await withTenant(db, tenant.id, (tx) =>
          readInbox(tx, tenant.id, {
            view: s.view,
            scope,
            filters: s.filters,
            sort: "eingang",
            limit: PAGE_SIZE + 1,
          }),
        );
      });
      console.log(`${s.name} (${rowsSeen} rows shown)`);
      console.log(`  HTTP GET /{tenant}/amt/${s.query.replace(reference, "<ref>")}`.slice(0, 80));
      console.log(`${"    over HTTP".padEnd(34)}${fmt(http)}`);
      console.log(`${"    inboxPage() in process".padEnd(34)}${fmt(service)}`);
      console.log(`${"    SQL only (list + counts, RLS)".padEnd(34)}${fmt(sqlOnly)}`);
      results.push({ name: s.name, http, sqlOnly });
    }
    console.log("");
    for (const r of results) {
      const p95 = percentile(r.http, 95);
      console.log(
        `${r.name.padEnd(30)} HTTP p95 ${p95.toFixed(1).padStart(6)} ms  ${p95 <= 20 ? "within" : "ABOVE"} the 20 ms target`,
      );
    }
    console.log(
      `machine load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    );
    const { report } = await import("./report.ts");
    report(
      results.map((r) => ({
        bench: "inbox",
        measurement: `inbox p95 over HTTP, ${total.toLocaleString("en-US")} cases: ${r.name}`,
        value: percentile(
          [...r.http].sort((a, b) => a - b),
          95,
        ),
        unit: "ms",
        reference: "its SQL alone (list + counts, RLS), p95",
        referenceValue: percentile(
          [...r.sqlOnly].sort((a, b) => a - b),
          95,
        ),
        better: "lower" as const,
        target: "≤ 20 ms",
        met:
          percentile(
            [...r.http].sort((a, b) => a - b),
            95,
          ) <= 20,
      })),
    );
  } finally {
    await owner.end().catch(() => {});
    await app.stop();
    const keep = Boolean(process.env.KEEP_BENCH_DATA);
    await db.close({ keep });
    if (keep) console.log(`# kept: database ${dbName} in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signs the caseworker in through the sign-in form (demo mode: password only); the cookie. */
async function signIn(base: string, slug: string, userId: string, owner: pg.Client) {
  const { rows } = await owner.query("select email from users where id = $1", [userId]);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = await fetch(`${base}/${slug}/amt/anmelden`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const res = await fetch(`${base}/${slug}/amt/anmelden`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, email: rows[0].email, password: PASSWORD }),
  });
  keep(res);
  if (res.status !== 303 || !jar.get(SESSION_COOKIE)) {
    throw new Error(`sign-in failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  return header();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
