import { useEffect, useState } from "preact/hooks";
import type { ApiError, ApiProblem } from "../api.ts";
import type { StudioContext } from "../context.ts";
import { Alert, Button, Select, TextInput } from "../ui.tsx";

type Service = {
  slug: string;
  title: string;
  archived: boolean;
  published: { version: number; at: string } | null;
  draft: { revision: number; at: string; by: string | null } | null;
  unpublishedChanges: boolean;
};
type Listing = { services: Service[]; templates: { id: string; title: string }[] };

export const slugFrom = (title: string) =>
  title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");

const when = (iso: string) =>
  new Date(iso).toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short" });

/** The municipality's services: drafts, published and archived; create, copy, import. */
export function ServiceList({ ctx }: { ctx: StudioContext }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  const load = () =>
    ctx.api
      .get<Listing>("/services")
      .then(setListing)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    document.title = `Studio – ${ctx.tenantName}`;
    load();
  }, []);

  if (error) return <Alert kind="danger" title={error} role="alert" />;
  if (!listing) return <p class="kern-body">Dienste werden geladen …</p>;
  const visible = listing.services.filter((s) => showArchived || !s.archived);
  const archivedCount = listing.services.filter((s) => s.archived).length;

  return (
    <div class="studio-list">
      <h1 class="kern-title kern-title--large">Studio: Online-Dienste von {ctx.tenantName}</h1>
      <p class="kern-body">
        Hier bauen Sie Online-Dienste – Antragsformular, Bearbeitung, Gebühren und Bescheide – und
        veröffentlichen sie. Laufende Anträge bleiben auf der Version, mit der sie begonnen haben.
      </p>
      <h2 class="kern-title kern-title--medium">Dienste</h2>
      {visible.length === 0 ? (
        <p class="kern-body">Noch keine Dienste. Legen Sie unten den ersten an.</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  Dienst
                </th>
                <th class="kern-table__header" scope="col">
                  Veröffentlicht
                </th>
                <th class="kern-table__header" scope="col">
                  Entwurf
                </th>
                <th class="kern-table__header" scope="col">
                  Aktionen
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {visible.map((s) => (
                <tr class="kern-table__row" key={s.slug}>
                  <td class="kern-table__cell">
                    <a
                      class="kern-link"
                      href={`/${ctx.tenant}/studio/dienste/${s.slug}`}
                      onClick={(e) => {
                        e.preventDefault();
                        ctx.navigate(`dienste/${s.slug}`);
                      }}
                    >
                      {s.title || s.slug}
                    </a>
                    <div class="kern-body kern-body--small studio-muted">
                      {s.slug}
                      {s.archived ? " · archiviert" : ""}
                    </div>
                  </td>
                  <td class="kern-table__cell">
                    {s.published
                      ? `Version ${s.published.version}, ${when(s.published.at)}`
                      : "noch nie"}
                  </td>
                  <td class="kern-table__cell">
                    {s.draft
                      ? `${s.unpublishedChanges ? "Unveröffentlichte Änderungen" : "Wie veröffentlicht"} · ${when(s.draft.at)}${s.draft.by ? ` (${s.draft.by})` : ""}`
                      : "–"}
                  </td>
                  <td class="kern-table__cell">
                    <Button
                      small
                      onClick={() =>
                        ctx.api
                          .post(`/services/${s.slug}/archive`, { archived: !s.archived })
                          .then(load)
                          .catch((e: Error) => setError(e.message))
                      }
                      label={`${s.archived ? "Wiederherstellen" : "Archivieren"}: ${s.title || s.slug}`}
                    >
                      {s.archived ? "Wiederherstellen" : "Archivieren"}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {archivedCount > 0 ? (
        <p class="kern-body">
          <button type="button" class="link-button" onClick={() => setShowArchived(!showArchived)}>
            {showArchived
              ? "Archivierte Dienste ausblenden"
              : `Archivierte Dienste zeigen (${archivedCount})`}
          </button>
        </p>
      ) : null}
      <NewService ctx={ctx} listing={listing} />
      <ImportService ctx={ctx} />
    </div>
  );
}

function NewService({ ctx, listing }: { ctx: StudioContext; listing: Listing }) {
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [from, setFrom] = useState("blank");
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const sources = [
    { value: "blank", label: "Leerer Dienst" },
    ...listing.templates.map((t) => ({ value: `template:${t.id}`, label: `Vorlage: ${t.title}` })),
    ...listing.services.map((s) => ({
      value: `copy:${s.slug}`,
      label: `Kopie von: ${s.title || s.slug}`,
    })),
  ];

  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const [kind, ref] = from.split(":") as [string, string | undefined];
    const fromValue =
      kind === "template"
        ? { kind, id: ref }
        : kind === "copy"
          ? { kind, slug: ref }
          : { kind: "blank" };
    try {
      await ctx.api.post("/services", { slug: slug || slugFrom(title), title, from: fromValue });
      ctx.navigate(`dienste/${slug || slugFrom(title)}`);
    } catch (err) {
      const e2 = err as ApiError;
      setError({ field: e2.field, message: e2.message });
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-service" class="studio-section">
      <h2 class="kern-title kern-title--medium" id="new-service">
        Neuer Dienst
      </h2>
      <form onSubmit={create} noValidate>
        {error && !error.field ? <Alert kind="danger" title={error.message} role="alert" /> : null}
        <TextInput
          id="new-title"
          label="Titel des Dienstes"
          hint="So sehen Bürgerinnen und Bürger den Dienst, z. B. „Osterfeuer anzeigen“."
          required
          value={title}
          error={error?.field === "title" ? error.message : undefined}
          onInput={(v) => {
            setTitle(v);
            if (!slugEdited) setSlug(slugFrom(v));
          }}
        />
        <TextInput
          id="new-slug"
          label="Kurzbezeichnung (Adresse)"
          hint="Teil der Internetadresse, z. B. osterfeuer-anzeigen. Lässt sich später nicht ändern."
          required
          value={slug}
          error={error?.field === "slug" ? error.message : undefined}
          onInput={(v) => {
            setSlug(v);
            setSlugEdited(true);
          }}
        />
        <Select
          id="new-from"
          label="Beginnen mit"
          value={from}
          onChange={setFrom}
          options={sources}
        />
        <Button type="submit" variant="primary" disabled={busy}>
          Dienst anlegen
        </Button>
      </form>
    </section>
  );
}

function ImportService({ ctx }: { ctx: StudioContext }) {
  const [problems, setProblems] = useState<ApiProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function importFile(e: Event) {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem(
      "import-file",
    ) as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setError("Bitte wählen Sie eine Datei aus.");
      return;
    }
    setBusy(true);
    setError(null);
    setProblems(null);
    try {
      const draft = await ctx.api.postText<{ slug: string }>("/import", await file.text());
      ctx.navigate(`dienste/${draft.slug}`);
    } catch (err) {
      const e2 = err as ApiError;
      if (e2.problems?.length) setProblems(e2.problems);
      else setError(e2.message);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-service" class="studio-section">
      <h2 class="kern-title kern-title--medium" id="import-service">
        Dienst importieren
      </h2>
      <p class="kern-body">
        Eine Dienstdatei (JSON), die eine andere Kommune exportiert hat. Importiert wird nur eine
        fehlerfreie Datei; sonst sehen Sie jedes Problem.
      </p>
      <form onSubmit={importFile}>
        <div class="kern-form-input">
          <label class="kern-label" for="import-file">
            Dienstdatei
          </label>
          <input
            class="kern-form-input__input"
            type="file"
            id="import-file"
            name="import-file"
            accept="application/json,.json"
          />
        </div>
        <Button type="submit" disabled={busy}>
          Importieren
        </Button>
      </form>
      {error ? <Alert kind="danger" title={error} role="alert" /> : null}
      {problems ? <ProblemList problems={problems} /> : null}
    </section>
  );
}

export function ProblemList({ problems }: { problems: ApiProblem[] }) {
  return (
    <div class="kern-alert kern-alert--danger" role="alert" tabindex={-1}>
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true" />
        <span class="kern-title">
          Nicht importiert: {problems.length} {problems.length === 1 ? "Problem" : "Probleme"}
        </span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list studio-problems">
          {problems.map((p, i) => (
            <li key={i}>
              {p.path ? <code>{p.path}</code> : null} {p.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
