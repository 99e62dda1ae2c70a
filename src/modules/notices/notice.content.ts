import {
  type ComposedDocument,
  formatCents,
  germanDateText,
  type IsoDate,
} from "../../core/index.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import { groupIban, type LetterData, letterOf } from "../documents/index.ts";
import type { TenantRow } from "../tenants/index.ts";

/** A part of a text block: a paragraph (its lines) or a bulleted list. */
type Part = { kind: "p"; lines: string[] } | { kind: "list"; items: string[] };

/** What `templates/notice.typ` reads. */
export type NoticeData = {
  letter: LetterData;
  blocks: { title: string | null; parts: Part[] }[];
  payment: {
    title: string;
    intro: string;
    head: [string, string, string];
    lines: { label: string; basis: string; amount: string }[];
    totalLabel: string;
    total: string;
    facts: { label: string; value: string }[];
    qr: { file: string; size: number } | null;
    qrCaption: string;
  } | null;
};

export type NoticePayment = {
  kassenzeichen: string;
  lines: { label: string; amountCents: number; legalBasis: string }[];
  totalCents: number;
  dueDate: IsoDate;
  /**
   * The GiroCode's image: its asset path (`assets/qr-….luma8`, see `epcQrImage`) and side in
   * pixels; null without bank account.
   */
  qr: { file: string; size: number } | null;
};

export type NoticeInput = {
  tenant: Pick<TenantRow, "name" | "settings">;
  document: ComposedDocument;
  reference: string;
  issuedOn: IsoDate;
  recipient: string[];
  /** The person responsible, named in the information block. */
  contactName?: string;
  payment?: NoticePayment;
  logo?: string;
  /** A preview's mark ("MUSTER"), printed across every page. */
  watermark?: string;
};

/**
 * The data of a notice for the renderer: the municipality's letter with the information block,
 * the composed text split into paragraphs and lists, and for a fee notice the payment section.
 * All values are text; the template prints them literally.
 */
export function noticeContent(n: NoticeInput, t: Translate): NoticeData {
  const contact = n.tenant.settings.contact;
  const info = [
    { label: t("documents.letter.reference"), value: n.reference },
    ...(n.payment
      ? [{ label: t("notices.letter.kassenzeichen"), value: n.payment.kassenzeichen }]
      : []),
    { label: t("documents.letter.date"), value: germanDateText(n.issuedOn) },
    ...(n.contactName ? [{ label: t("notices.letter.contact"), value: n.contactName }] : []),
    ...(contact?.phone ? [{ label: t("documents.letter.phone"), value: contact.phone }] : []),
    ...(contact?.email ? [{ label: t("documents.letter.email"), value: contact.email }] : []),
  ];
  return {
    letter: letterOf(n.tenant, t, {
      recipient: n.recipient,
      info,
      subject: n.document.title,
      logo: n.logo,
      watermark: n.watermark,
    }),
    blocks: n.document.paragraphs.map(blockOf),
    payment: n.payment ? paymentSection(n.tenant, n.payment, t) : null,
  };
}

/**
 * A composed paragraph as blocks of the letter: blank lines separate paragraphs, lines starting
 * with "- " make a list, and a first short line standing alone ("Begründung") is the heading.
 */
function blockOf(p: { title?: string; text: string }): NoticeData["blocks"][number] {
  const chunks = p.text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  let title = p.title ?? null;
  if (!title && chunks.length > 1 && isHeading(chunks[0])) title = chunks.shift() ?? null;
  return {
    title,
    parts: chunks.map((chunk): Part => {
      const lines = chunk.split("\n");
      return lines.every((l) => l.startsWith("- "))
        ? { kind: "list", items: lines.map((l) => l.slice(2).trim()) }
        : { kind: "p", lines };
    }),
  };
}

function isHeading(chunk: string): boolean {
  return !chunk.includes("\n") && chunk.length <= 60 && !/[.,:;!?]$/.test(chunk);
}

function paymentSection(
  tenant: Pick<TenantRow, "name" | "settings">,
  p: NoticePayment,
  t: Translate,
): NonNullable<NoticeData["payment"]> {
  const bank = tenant.settings.bank;
  const due = p.totalCents > 0;
  const facts = [
    ...(due ? [{ label: t("notices.payment.amount"), value: formatCents(p.totalCents) }] : []),
    ...(due ? [{ label: t("notices.payment.due"), value: germanDateText(p.dueDate) }] : []),
    { label: t("notices.letter.kassenzeichen"), value: p.kassenzeichen },
    ...(due && bank?.iban
      ? [
          { label: t("notices.payment.recipient"), value: tenant.name },
          { label: "IBAN", value: groupIban(bank.iban) },
          ...(bank.bic ? [{ label: "BIC", value: bank.bic }] : []),
          ...(bank.bankName ? [{ label: t("notices.payment.bank"), value: bank.bankName }] : []),
        ]
      : []),
  ];
  return {
    title: t("notices.payment.title"),
    intro: due
      ? t("notices.payment.intro", { date: germanDateText(p.dueDate) })
      : t("notices.payment.nothing"),
    head: [t("notices.payment.item"), t("notices.payment.basis"), t("notices.payment.sum")],
    lines: p.lines.map((l) => ({
      label: l.label,
      basis: l.legalBasis,
      amount: formatCents(l.amountCents),
    })),
    totalLabel: t("notices.payment.total"),
    total: formatCents(p.totalCents),
    facts,
    qr: due ? p.qr : null,
    qrCaption: t("notices.payment.qrCaption"),
  };
}
