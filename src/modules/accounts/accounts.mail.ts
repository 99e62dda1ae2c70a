import { type Locale, translate } from "../../platform/i18n/index.ts";
import type { MailMessage } from "../../platform/mail.ts";

export type MailKind = "verify" | "reset" | "invite" | "alreadyRegistered";

/** A plain-text account mail in the recipient's language, with the one link it is about. */
export function accountMail(
  kind: MailKind,
  to: { email: string; name: string; locale: Locale },
  link: string,
): MailMessage {
  const t = (key: string) =>
    translate(to.locale, `accounts.mail.${kind}.${key}`, { name: to.name || to.email, link });
  const greeting = translate(to.locale, "accounts.mail.greeting", { name: to.name || to.email });
  const footer = translate(to.locale, "accounts.mail.footer");
  return {
    to: to.email,
    subject: t("subject"),
    text: `${greeting}\n\n${t("body")}\n\n${link}\n\n${t("after")}\n\n${footer}\n`,
  };
}
