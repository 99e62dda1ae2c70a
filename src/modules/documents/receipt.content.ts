import { firstValueOfType, type ServiceDefinition } from "../../core/index.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import type { TenantRow } from "../tenants/index.ts";
import { type LetterData, letterOf } from "./letter.ts";
import {
  addressLines,
  personNameLines,
  presentSubmission,
  type Section,
} from "./submission.present.ts";

/** What `templates/receipt.typ` reads. */
export type ReceiptData = {
  letter: LetterData;
  salutation: string;
  intro: string[];
  dataTitle: string;
  sections: Section[];
  nextTitle: string;
  next: string[];
  closing: string[];
};

export type ReceiptCase = {
  reference: string;
  receivedAt: Date;
  data: Record<string, unknown>;
  /** Whether the applicant has a Bürgerkonto (then the case can be followed there). */
  hasAccount: boolean;
};

const BERLIN = "Europe/Berlin";
const dateFormat = new Intl.DateTimeFormat("de-DE", {
  timeZone: BERLIN,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("de-DE", {
  timeZone: BERLIN,
  hour: "2-digit",
  minute: "2-digit",
});

/**
 * The receipt (Eingangsbestätigung) of an application: the letter to the applicant with the
 * reference, date and time of receipt, the service, everything submitted, and what happens next.
 */
export function receiptContent(
  tenant: Pick<TenantRow, "name" | "settings">,
  def: ServiceDefinition,
  c: ReceiptCase,
  t: Translate,
  issuedAt: Date,
  logo?: string,
): ReceiptData {
  const service = def.meta.title;
  const date = dateFormat.format(c.receivedAt);
  const time = timeFormat.format(c.receivedAt);
  const { value, unit } = def.meta.processingTime;
  return {
    letter: letterOf(tenant, t, {
      recipient: recipientOf(def, c.data, t),
      info: [
        { label: t("documents.letter.reference"), value: c.reference },
        { label: t("documents.letter.received"), value: `${date}, ${time}` },
        { label: t("documents.letter.date"), value: dateFormat.format(issuedAt) },
      ],
      subject: t("documents.receipt.subject", { service }),
      logo,
    }),
    salutation: t("documents.receipt.salutation"),
    intro: [
      t("documents.receipt.intro", { service, date, time }),
      t("documents.receipt.reference", { reference: c.reference }),
    ],
    dataTitle: t("documents.receipt.dataTitle"),
    sections: presentSubmission(def, c.data, t),
    nextTitle: t("documents.receipt.nextTitle"),
    next: [
      t("documents.receipt.next", { duration: t(`documents.duration.${unit}`, { count: value }) }),
      ...(c.hasAccount ? [t("documents.receipt.nextAccount")] : []),
      t("documents.receipt.machine"),
    ],
    closing: [t("documents.receipt.closing"), tenant.name],
  };
}

/**
 * The address block: the first person's name and the first address the form asked for (the
 * applicant's, by the forms' convention), else just the e-mail address.
 */
export function recipientOf(
  def: ServiceDefinition,
  data: Record<string, unknown>,
  t: Translate,
): string[] {
  const name = firstValueOfType<Record<string, string>>(def, data, "personName");
  const address = firstValueOfType<Record<string, string>>(def, data, "address");
  const lines = [
    ...(name ? personNameLines(name, t).slice(0, 1) : []),
    ...(address ? addressLines(address) : []),
  ];
  if (lines.length > 0) return lines;
  const email = firstValueOfType(def, data, "email");
  return typeof email === "string" ? [email] : [];
}
