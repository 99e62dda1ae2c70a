import type { Context, Hono } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import {
  AREAS,
  type AreaDef,
  type ResolvedArea,
  resolveArea,
  returnTarget,
  viewerIn,
  withReturn,
} from "./accounts.areas.ts";
import type { AccountsDeps } from "./accounts.deps.ts";
import { requireCitizen, requirePlatformAdmin, requireStaff } from "./accounts.guards.ts";
import { codeForm, forgotForm, loginForm, registerForm, resetForm } from "./accounts.schema.ts";
import {
  registerCitizen,
  requestPasswordReset,
  resetPassword,
  resetTokenUsable,
  verifyEmail,
} from "./accounts.service.ts";
import {
  forcedSetupPage,
  forgotPage,
  loginPage,
  messagePage,
  recoveryCodesPage,
  registerPage,
  resetPage,
  secondFactorPage,
} from "./accounts.views.ts";
import { logout, passwordLogin, promoteSession } from "./login.service.ts";
import { mountSecurity } from "./security.routes.ts";
import { clearSessionCookie, clientOf, setSessionCookie } from "./session.middleware.ts";
import {
  completeSecondFactor,
  confirmTotp,
  pendingTotpSetup,
  userHasTotp,
} from "./totp.service.ts";

/** Pages of an area reachable without a full session. */
const PUBLIC_PAGES = new Set([
  "anmelden",
  "registrieren",
  "bestaetigen",
  "passwort-vergessen",
  "passwort-neu",
  "zwei-faktor",
  "zwei-faktor-einrichten",
  "abmelden",
]);

export function mountAccounts(app: Hono<AppEnv>, platform: Platform, deps: AccountsDeps) {
  // Deny by default: every page of an area needs its session, except the sign-in pages.
  const guards = [requireCitizen(), requireStaff(platform), requirePlatformAdmin()];
  AREAS.forEach((def, i) => {
    app.use(`${def.pattern}/*`, async (c, next) => {
      const last = c.req.path.split("/").pop() ?? "";
      if (PUBLIC_PAGES.has(last)) return next();
      return guards[i](c, next);
    });
  });
  for (const def of AREAS) mountArea(app, deps, def);
  mountCitizenPages(app, deps);
  mountSecurity(app, deps);
}

function mountArea(app: Hono<AppEnv>, deps: AccountsDeps, def: AreaDef) {
  const at = (page: string) => `${def.pattern}/${page}`;
  const area = (c: Context<AppEnv>) => resolveArea(c, def);
  const zurueckOf = (c: Context<AppEnv>) => c.req.query("zurueck")?.slice(0, 500);
  const secure = deps.config.secureCookies;

  app.get(at("anmelden"), (c) => {
    const a = area(c);
    if (viewerIn(c.var.viewer, a) && c.var.viewer.stage === "full") {
      return c.redirect(returnTarget(zurueckOf(c), a), 303);
    }
    return loginPage(c, a.view, { zurueck: zurueckOf(c) });
  });

  app.post(at("anmelden"), async (c) => {
    const a = area(c);
    const t = c.var.t;
    const zurueck = zurueckOf(c);
    const form = await readForm(c, loginForm, t);
    if (!form.ok) return loginPage(c, a.view, { ...form, zurueck }, 422);
    const r = await passwordLogin(
      deps,
      a.login,
      { ...form.data, previousIdHash: c.var.viewer?.sessionIdHash },
      clientOf(c, deps.config.trustProxy),
    );
    if (!r.ok) {
      const problem =
        r.error === "blocked"
          ? t("error.tooManyRequests", { minutes: r.minutes })
          : t(
              r.error === "unverified"
                ? "accounts.error.unverified"
                : "accounts.error.invalidLogin",
            );
      const status = r.error === "blocked" ? 429 : 422;
      return loginPage(c, a.view, { values: { email: form.data.email }, problem, zurueck }, status);
    }
    setSessionCookie(c, r.token, secure);
    if (r.stage === "full") return c.redirect(returnTarget(zurueck, a), 303);
    const next = r.setupRequired ? "zwei-faktor-einrichten" : "zwei-faktor";
    return c.redirect(withReturn(`${a.view.prefix}/${next}`, zurueck), 303);
  });

  /** The half-way session of this area, or a redirect to where the person belongs. */
  const halfWay = (c: Context<AppEnv>, a: ResolvedArea) => {
    const v = c.var.viewer;
    if (viewerIn(v, a) && v.stage === "mfa") return { viewer: v };
    if (viewerIn(v, a)) return { redirect: c.redirect(returnTarget(zurueckOf(c), a), 303) };
    return { redirect: c.redirect(`${a.view.prefix}/anmelden`, 303) };
  };

  app.get(at("zwei-faktor"), async (c) => {
    const a = area(c);
    const h = halfWay(c, a);
    if (h.redirect) return h.redirect;
    if (!(await userHasTotp(deps, h.viewer.userId))) {
      return c.redirect(withReturn(`${a.view.prefix}/zwei-faktor-einrichten`, zurueckOf(c)), 303);
    }
    return secondFactorPage(c, a.view, { zurueck: zurueckOf(c) });
  });

  app.post(at("zwei-faktor"), async (c) => {
    const a = area(c);
    const t = c.var.t;
    const zurueck = zurueckOf(c);
    const h = halfWay(c, a);
    if (h.redirect) return h.redirect;
    const form = await readForm(c, codeForm, t);
    if (!form.ok) return secondFactorPage(c, a.view, { ...form, zurueck }, 422);
    const v = h.viewer;
    const r = await completeSecondFactor(
      deps,
      { idHash: v.sessionIdHash, userId: v.userId, tenantId: v.tenantId },
      form.data.code,
      clientOf(c, deps.config.trustProxy),
    );
    if (!r.ok) {
      const code =
        r.error === "blocked"
          ? t("error.tooManyRequests", { minutes: r.minutes })
          : t("accounts.error.code");
      return secondFactorPage(
        c,
        a.view,
        { errors: { code }, zurueck },
        r.error === "blocked" ? 429 : 422,
      );
    }
    setSessionCookie(c, r.token, secure);
    return c.redirect(returnTarget(zurueck, a), 303);
  });

  if (def.kind === "staff") {
    app.get(at("zwei-faktor-einrichten"), async (c) => {
      const a = area(c);
      const h = halfWay(c, a);
      if (h.redirect) return h.redirect;
      if (await userHasTotp(deps, h.viewer.userId)) {
        return c.redirect(withReturn(`${a.view.prefix}/zwei-faktor`, zurueckOf(c)), 303);
      }
      const setup = await pendingTotpSetup(deps, h.viewer.userId);
      return forcedSetupPage(c, a.view, setup, { zurueck: zurueckOf(c) });
    });

    app.post(at("zwei-faktor-einrichten"), async (c) => {
      const a = area(c);
      const zurueck = zurueckOf(c);
      const h = halfWay(c, a);
      if (h.redirect) return h.redirect;
      const v = h.viewer;
      const form = await readForm(c, codeForm, c.var.t);
      let errors = form.ok ? undefined : form.errors;
      if (form.ok) {
        try {
          const codes = await confirmTotp(deps, v.userId, form.data.code, "code");
          const token = await promoteSession(
            deps,
            { idHash: v.sessionIdHash, userId: v.userId, tenantId: v.tenantId },
            clientOf(c, deps.config.trustProxy),
          );
          setSessionCookie(c, token, secure);
          return recoveryCodesPage(c, codes, returnTarget(zurueck, a));
        } catch (err) {
          if (!(err instanceof DomainError) || !err.field) throw err;
          errors = { [err.field]: c.var.t(err.key, err.params) };
        }
      }
      const setup = await pendingTotpSetup(deps, v.userId);
      return forcedSetupPage(c, a.view, setup, { errors, zurueck }, 422);
    });
  }

  app.get(at("passwort-vergessen"), (c) => forgotPage(c, area(c).view, {}));
  app.post(at("passwort-vergessen"), async (c) => {
    const a = area(c);
    const form = await readForm(c, forgotForm, c.var.t);
    if (!form.ok) return forgotPage(c, a.view, form, 422);
    await requestPasswordReset(deps, {
      kind: def.kind,
      email: form.data.email,
      area: a.view.prefix,
    });
    return messagePage(c, "accounts.forgot.sent", {
      href: `${a.view.prefix}/anmelden`,
      label: c.var.t("accounts.backToLogin"),
    });
  });

  const invalidToken = (c: Context<AppEnv>, a: ResolvedArea) =>
    messagePage(c, "accounts.reset.invalid", {
      href: `${a.view.prefix}/passwort-vergessen`,
      label: c.var.t("accounts.forgot.title"),
    });

  app.get(at("passwort-neu"), async (c) => {
    const a = area(c);
    const token = c.req.query("token") ?? "";
    if (!token || token.length > 200 || !(await resetTokenUsable(deps, token))) {
      return invalidToken(c, a);
    }
    return resetPage(c, a.view, token, {});
  });

  app.post(at("passwort-neu"), async (c) => {
    const a = area(c);
    const form = await readForm(c, resetForm, c.var.t);
    if (!form.ok) {
      if (!form.values.token) return invalidToken(c, a);
      return resetPage(c, a.view, form.values.token, form, 422);
    }
    try {
      const done = await resetPassword(deps, form.data);
      if (!done) return invalidToken(c, a);
    } catch (err) {
      if (!(err instanceof DomainError) || !err.field) throw err;
      const errors = { [err.field]: c.var.t(err.key) };
      return resetPage(c, a.view, form.data.token, { errors }, 422);
    }
    clearSessionCookie(c);
    setFlash(c, "accounts.reset.done");
    return c.redirect(`${a.view.prefix}/anmelden`, 303);
  });

  // Signs out whatever session this browser has: the header's button posts here from any page.
  app.post(at("abmelden"), async (c) => {
    const a = area(c);
    if (c.var.viewer) await logout(deps, c.var.viewer.sessionIdHash);
    clearSessionCookie(c);
    setFlash(c, "accounts.logout.done");
    return c.redirect(def.kind === "citizen" ? "/" : `${a.view.prefix}/anmelden`, 303);
  });

  if (def.pattern === "/:tenant/amt") {
    app.get("/:tenant/amt", (c) => c.redirect(`/${c.req.param("tenant")}/amt/`, 301));
    // `/{tenant}/amt/` itself is the inbox module's page.
  }
}

function mountCitizenPages(app: Hono<AppEnv>, deps: AccountsDeps) {
  app.get("/konto", (c) => c.redirect("/konto/", 301));
  // `/konto/` itself ("Meine Anträge") is the citizen module's page.
  app.get("/konto/registrieren", (c) => registerPage(c, {}));
  app.post("/konto/registrieren", async (c) => {
    const form = await readForm(c, registerForm, c.var.t);
    if (!form.ok) return registerPage(c, form, 422);
    await registerCitizen(deps, { ...form.data, locale: c.var.locale });
    return c.redirect("/konto/bestaetigen", 303);
  });
  app.get("/konto/bestaetigen", async (c) => {
    const token = c.req.query("token");
    if (!token) return messagePage(c, "accounts.verify.sent");
    if (token.length <= 200 && (await verifyEmail(deps, token))) {
      setFlash(c, "accounts.verify.done");
      return c.redirect("/konto/anmelden", 303);
    }
    return messagePage(c, "accounts.verify.invalid", {
      href: "/konto/registrieren",
      label: c.var.t("accounts.register.title"),
    });
  });
}
