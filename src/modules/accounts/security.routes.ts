import type { Context, Hono } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import { readForm } from "../../platform/http/forms.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { AREAS, type ResolvedArea, resolveArea } from "./accounts.areas.ts";
import type { AccountsDeps } from "./accounts.deps.ts";
import {
  changePasswordForm,
  disableTotpForm,
  revokeForm,
  totpConfirmForm,
} from "./accounts.schema.ts";
import { changePassword } from "./accounts.service.ts";
import { recoveryCodesPage } from "./accounts.views.ts";
import { listSessions, revokeSession } from "./login.service.ts";
import { securityPage } from "./security.views.ts";
import {
  cancelTotpSetup,
  confirmTotp,
  disableTotp,
  pendingTotpSetup,
  regenerateRecoveryCodes,
  securityState,
} from "./totp.service.ts";

/** A form that did not validate: its translated field errors. */
class FormInvalid extends Error {
  readonly errors: Record<string, string>;
  constructor(errors: Record<string, string>) {
    super("form invalid");
    this.errors = errors;
  }
}

/**
 * The security page of each area: second factor, recovery codes, password, sessions. The area
 * guard (mounted before) has checked that the viewer is fully signed in there.
 */
export function mountSecurity(app: Hono<AppEnv>, deps: AccountsDeps) {
  for (const def of AREAS) {
    const at = (p: string) => `${def.pattern}/sicherheit${p}`;

    const show = async (
      c: Context<AppEnv>,
      a: ResolvedArea,
      errors?: Record<string, string>,
      status: 200 | 409 | 422 | 429 = 200,
    ) => {
      const v = c.var.viewer!;
      const state = await securityState(deps, v.userId);
      const setup = state.totpPending ? await pendingTotpSetup(deps, v.userId) : undefined;
      const sessions = await listSessions(deps, v.userId, v.sessionIdHash);
      return securityPage(c, a.view, { state, sessions, setup }, { errors }, status);
    };
    /** Runs a change; a field error shows the page again with the message at its field. */
    const act = async (
      c: Context<AppEnv>,
      fn: (a: ResolvedArea) => Promise<Response | undefined>,
    ): Promise<Response> => {
      const a = resolveArea(c, def);
      try {
        return (await fn(a)) ?? c.redirect(`${a.view.prefix}/sicherheit`, 303);
      } catch (err) {
        if (err instanceof FormInvalid) return show(c, a, err.errors, 422);
        if (!(err instanceof DomainError)) throw err;
        const key = err.field ?? "_form";
        const status = err.status === 409 || err.status === 429 ? err.status : 422;
        return show(c, a, { [key]: c.var.t(err.key, err.params) }, status);
      }
    };
    const formError = (errors: Record<string, string>) => new FormInvalid(errors);

    app.get(at(""), (c) => show(c, resolveArea(c, def)));

    app.post(at("/zwei-faktor-starten"), (c) =>
      act(c, async () => {
        await pendingTotpSetup(deps, c.var.viewer!.userId);
        return undefined;
      }),
    );
    app.post(at("/zwei-faktor-abbrechen"), (c) =>
      act(c, async () => {
        await cancelTotpSetup(deps, c.var.viewer!.userId);
        return undefined;
      }),
    );
    app.post(at("/zwei-faktor-bestaetigen"), (c) =>
      act(c, async (a) => {
        const form = await readForm(c, totpConfirmForm, c.var.t);
        if (!form.ok) throw formError(form.errors);
        const codes = await confirmTotp(deps, c.var.viewer!.userId, form.data.totpCode, "totpCode");
        return recoveryCodesPage(c, codes, `${a.view.prefix}/sicherheit`);
      }),
    );
    app.post(at("/zwei-faktor-ausschalten"), (c) =>
      act(c, async () => {
        const form = await readForm(c, disableTotpForm, c.var.t);
        if (!form.ok) throw formError(form.errors);
        await disableTotp(deps, c.var.viewer!.userId, form.data.disablePassword);
        setFlash(c, "accounts.security.totpOffDone");
        return undefined;
      }),
    );
    app.post(at("/wiederherstellungscodes"), (c) =>
      act(c, async (a) => {
        const codes = await regenerateRecoveryCodes(deps, c.var.viewer!.userId);
        return recoveryCodesPage(c, codes, `${a.view.prefix}/sicherheit`);
      }),
    );
    app.post(at("/passwort"), (c) =>
      act(c, async () => {
        const form = await readForm(c, changePasswordForm, c.var.t);
        if (!form.ok) throw formError(form.errors);
        const v = c.var.viewer!;
        await changePassword(deps, {
          userId: v.userId,
          current: form.data.currentPassword,
          next: form.data.password,
          keepSessionIdHash: v.sessionIdHash,
        });
        setFlash(c, "accounts.security.passwordChanged");
        return undefined;
      }),
    );
    app.post(at("/sitzung-beenden"), (c) =>
      act(c, async () => {
        const form = await readForm(c, revokeForm, c.var.t);
        if (form.ok && (await revokeSession(deps, c.var.viewer!.userId, form.data.session))) {
          setFlash(c, "accounts.session.revoked");
        }
        return undefined;
      }),
    );
  }
}
