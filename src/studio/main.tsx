import { render } from "preact";
import "./studio.css";
import { App } from "./App.tsx";
import { createApi } from "./api.ts";

const root = document.getElementById("studio");
if (root) {
  const d = root.dataset;
  const api = createApi(d.tenant ?? "", d.csrf ?? "");
  root.textContent = "";
  render(
    <App tenant={d.tenant ?? ""} tenantName={d.tenantName ?? ""} user={d.user ?? ""} api={api} />,
    root,
  );
}
