import type { Translate } from "../../platform/i18n/index.ts";
import type { TenantRow } from "../tenants/index.ts";

/** What `templates/letter.typ` reads as `d.letter`: every letter and notice starts from this. */
export type LetterData = {
  letterhead: {
    name: string;
    lines: string[];
    colour: string | null;
    /** An asset path (`assets/logo.png`) passed to `renderPdf` with the bytes, or null. */
    logo: string | null;
    footer: { title: string; lines: string[] }[];
  };
  returnAddress: string;
  recipient: string[];
  info: { label: string; value: string }[];
  subject: string;
  labels: { page: string; of: string };
  /** A preview's mark ("MUSTER") printed across every page; absent on real letters. */
  watermark?: string;
};

/**
 * A DIN 5008 letter of the municipality: letterhead, return address and footer (address,
 * contact, bank details) from the tenant settings; recipient, information block and subject
 * from the caller.
 */
export function letterOf(
  tenant: Pick<TenantRow, "name" | "settings">,
  t: Translate,
  parts: {
    recipient: string[];
    info: LetterData["info"];
    subject: string;
    logo?: string;
    watermark?: string;
  },
): LetterData {
  const s = tenant.settings;
  const street = s.address?.street ?? "";
  const place = [s.address?.postcode, s.address?.city].filter(Boolean).join(" ");
  const address = [street, place].filter(Boolean);
  const contact = [
    s.contact?.phone && `${t("documents.letter.phone")} ${s.contact.phone}`,
    s.contact?.email && `${t("documents.letter.email")} ${s.contact.email}`,
    s.contact?.website && `${t("documents.letter.website")} ${s.contact.website}`,
  ].filter((l): l is string => Boolean(l));
  const bank = [
    s.bank?.bankName,
    s.bank?.iban && `IBAN ${groupIban(s.bank.iban)}`,
    s.bank?.bic && `BIC ${s.bank.bic}`,
  ].filter((l): l is string => Boolean(l));
  const footer = [
    { title: t("documents.letter.footer.address"), lines: [tenant.name, ...address] },
    contact.length > 0 && { title: t("documents.letter.footer.contact"), lines: contact },
    bank.length > 0 && { title: t("documents.letter.footer.bank"), lines: bank },
  ].filter((c): c is { title: string; lines: string[] } => Boolean(c));
  const hours = s.contact?.openingHours;
  return {
    letterhead: {
      name: tenant.name,
      lines: [
        ...address,
        ...contact,
        ...(hours ? [`${t("documents.letter.openingHours")}: ${hours}`] : []),
      ],
      colour: /^#[0-9a-fA-F]{6}$/.test(s.colours?.primary ?? "") ? s.colours!.primary! : null,
      logo: parts.logo ?? null,
      footer,
    },
    returnAddress: [tenant.name, ...address].join(" · "),
    recipient: parts.recipient,
    info: parts.info,
    subject: parts.subject,
    labels: { page: t("documents.letter.page"), of: t("documents.letter.of") },
    ...(parts.watermark ? { watermark: parts.watermark } : {}),
  };
}

/** `DE02120300000000202051` -> `DE02 1203 0000 0000 2020 51`, as printed on letters. */
export function groupIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .replace(/(.{4})/g, "$1 ")
    .trim();
}
