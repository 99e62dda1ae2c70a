import { useEffect, useState } from "preact/hooks";
import type { TextBlockLibrary } from "../core/index.ts";
import type { Api } from "./api.ts";
import type { StudioContext, TabId } from "./context.ts";
import { Editor } from "./editor/Editor.tsx";
import { ServiceList } from "./list/ServiceList.tsx";
import { Alert } from "./ui.tsx";

type Route = { view: "list" } | { view: "editor"; slug: string; tab: TabId | undefined };

function parse(tenant: string, pathname: string): Route {
  const rest = pathname.slice(`/${tenant}/studio/`.length).split("/").filter(Boolean);
  if (rest[0] === "dienste" && rest[1])
    return { view: "editor", slug: decodeURIComponent(rest[1]), tab: rest[2] as TabId | undefined };
  return { view: "list" };
}

/** The studio: the service list, or the editor of one service; paths under /{tenant}/studio/. */
export function App(p: { tenant: string; tenantName: string; user: string; api: Api }) {
  const [route, setRoute] = useState(() => parse(p.tenant, location.pathname));
  const [library, setLibrary] = useState<TextBlockLibrary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onPop = () => setRoute(parse(p.tenant, location.pathname));
    addEventListener("popstate", onPop);
    p.api
      .get<{ library: TextBlockLibrary }>("/library")
      .then((r) => setLibrary(r.library))
      .catch((e: Error) => setError(e.message));
    return () => removeEventListener("popstate", onPop);
  }, []);

  const ctx: StudioContext = {
    tenant: p.tenant,
    tenantName: p.tenantName,
    user: p.user,
    api: p.api,
    library: library ?? {},
    navigate(path: string) {
      const url = `/${p.tenant}/studio/${path}`;
      if (url === location.pathname) return;
      // The editor asks before unsaved changes are dropped (see Editor).
      if (!confirmLeave()) return;
      history.pushState(null, "", url);
      setRoute(parse(p.tenant, url));
    },
  };

  if (error)
    return (
      <Alert kind="danger" title="Das Studio konnte nicht geladen werden." role="alert">
        {error}
      </Alert>
    );
  if (!library) return <p class="kern-body">Das Studio wird geladen …</p>;
  if (route.view === "editor")
    return <Editor key={route.slug} slug={route.slug} tab={route.tab ?? "formular"} ctx={ctx} />;
  return <ServiceList ctx={ctx} />;
}

/** Set by the editor while it has unsaved changes; asked before navigating inside the studio. */
export const leaveGuard: { dirty: () => boolean } = { dirty: () => false };

function confirmLeave(): boolean {
  if (!leaveGuard.dirty()) return true;
  return confirm(
    "Sie haben ungespeicherte Änderungen. Wollen Sie die Seite wirklich verlassen? Die Änderungen gehen verloren.",
  );
}
