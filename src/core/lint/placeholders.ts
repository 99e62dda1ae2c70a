import { resolveReference } from "../definition/check-rules.ts";
import { type DataEntry, dataModel } from "../definition/data-model.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { textGaps } from "../documents/gaps.ts";
import {
  PLACEHOLDER_ROOTS,
  PLATFORM_PLACEHOLDERS,
  type PlatformRoot,
  type TextBlockLibrary,
} from "../documents/placeholder-roots.ts";
import type { Finding, Problem } from "../problems.ts";

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const NAME_PATH = /^[a-zA-Z]\w*(\.[a-zA-Z]\w*)*$/;

/** Where a text is used, which decides what its placeholders may name. */
type TextScope = {
  /** The case data; absent for the municipality's library blocks, which serve every service. */
  model?: Map<string, DataEntry>;
  /** Inside a repeated block: the repeating group `item` stands for. */
  forEach?: string;
  /** The document's date names; `any` where the document is not known yet; absent outside documents. */
  dates?: readonly string[] | "any";
  /** Whether `payment.*` is there (fee notices); `any` where the document is not known yet. */
  payment: boolean | "any";
};

type Issue = { key: string; params: Record<string, string> };

/** Issues a document checks for a block it uses, beyond those of the block on its own. */
const DOCUMENT_ISSUES = new Set(["lint.unknownDate", "lint.paymentOutsideFeeNotice"]);

/**
 * What is wrong with the placeholders of one text in a scope: malformed ones, unknown data
 * or platform keys, dates the document does not define, payment outside fee notices, and
 * case data in the municipality's library blocks.
 */
function placeholderIssues(text: string, scope: TextScope): Issue[] {
  const issues: Issue[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const content = match[1].trim();
    const issue = NAME_PATH.test(content)
      ? nameIssue(content, scope)
      : { key: "lint.badPlaceholder", params: { placeholder: match[0] } };
    if (issue) issues.push(issue);
  }
  return issues;
}

function nameIssue(content: string, scope: TextScope): Issue | undefined {
  const [name, ...rest] = content.split(".");
  const unknown = { key: "lint.unknownPlaceholder", params: { placeholder: content } };
  if (Object.hasOwn(PLATFORM_PLACEHOLDERS, name)) {
    if (name === "payment" && scope.payment === false) {
      return { key: "lint.paymentOutsideFeeNotice", params: { placeholder: content } };
    }
    const keys: readonly string[] = PLATFORM_PLACEHOLDERS[name as PlatformRoot];
    const known =
      keys.length === 0 ? rest.length === 0 : rest.length === 1 && keys.includes(rest[0]);
    return known ? undefined : unknown;
  }
  if (name === "dates" && scope.dates !== undefined) {
    if (rest.length !== 1) return unknown;
    if (scope.dates === "any" || scope.dates.includes(rest[0])) return undefined;
    return { key: "lint.unknownDate", params: { placeholder: content, name: rest[0] } };
  }
  if (!scope.model) {
    const params = { placeholder: content, roots: PLACEHOLDER_ROOTS.join(", ") };
    return { key: "lint.dataInLibraryBlock", params };
  }
  if (name === "item" && scope.forEach) {
    // inside a repeated block, item.x names a subfield of the group
    const ref = { name: scope.forEach, path: rest.slice(0, 1), from: 0, to: 0 };
    const ok = rest.length === 1 && !resolveReference(scope.model, { kind: "document" }, ref);
    return ok ? undefined : unknown;
  }
  const ref = { name, path: rest, from: 0, to: 0 };
  return resolveReference(scope.model, { kind: "document" }, ref) ? unknown : undefined;
}

const gapIssues = (text: string): Issue[] =>
  textGaps(text).map((gap) => ({ key: "lint.unfilledGap", params: { gap } }));

const error = (path: string, issue: Issue): Finding => ({ severity: "error", path, ...issue });

/**
 * Checks `{{placeholders}}` in text blocks, documents and notifications: each must name case
 * data (`{{dogCount}}`, `{{address.city}}`) or what the platform supplies (`{{case.reference}}`,
 * `{{tenant.name}}`, `{{applicant.name}}`, `{{fees.total}}`, `{{today}}`); `{{dates.x}}` only a
 * date the document defines, `{{payment.*}}` only in fee notices. A document's `textBlock` must
 * be the service's own or one of `library` (the municipality's), and the block's placeholders
 * must fit the document; library blocks may not name case data.
 */
export function lintPlaceholders(
  def: ServiceDefinition,
  library: TextBlockLibrary = {},
): Finding[] {
  const model = dataModel(def);
  const findings: Finding[] = [];
  for (const [id, block] of Object.entries(def.textBlocks ?? {})) {
    const scope = { model, dates: "any", payment: "any" } as const;
    for (const issue of [...placeholderIssues(block.text, scope), ...gapIssues(block.text)]) {
      findings.push(error(`textBlocks.${id}.text`, issue));
    }
  }
  def.documents?.forEach((doc, d) => {
    if (doc.payment && !def.fees) {
      const params = { id: doc.id };
      findings.push(error(`documents[${d}].payment`, { key: "lint.paymentWithoutFees", params }));
    }
    const dates = Object.keys(doc.dates ?? {});
    const payment = doc.payment !== undefined;
    doc.blocks.forEach((block, b) => {
      const path = `documents[${d}].blocks[${b}]`;
      if (block.text) {
        const scope = { model, forEach: block.forEach, dates, payment };
        for (const issue of [...placeholderIssues(block.text, scope), ...gapIssues(block.text)]) {
          findings.push(error(`${path}.text`, issue));
        }
      }
      if (!block.textBlock) return;
      const own = def.textBlocks?.[block.textBlock];
      const shared = Object.hasOwn(library, block.textBlock) ? library[block.textBlock] : undefined;
      if (!own && !shared) {
        const params = { id: block.textBlock };
        findings.push(error(`${path}.textBlock`, { key: "lint.unknownTextBlock", params }));
        return;
      }
      // the service's own blocks were checked above; here only what depends on the document
      const issues = own
        ? placeholderIssues(own.text, { model, dates, payment }).filter((i) =>
            DOCUMENT_ISSUES.has(i.key),
          )
        : [
            ...placeholderIssues(shared?.text ?? "", { dates, payment }),
            ...gapIssues(shared?.text ?? ""),
          ];
      for (const issue of issues) {
        findings.push(
          error(`${path}.textBlock`, {
            ...issue,
            params: { ...issue.params, block: block.textBlock },
          }),
        );
      }
    });
  });
  def.notifications?.forEach((note, n) => {
    for (const part of ["subject", "body"] as const) {
      for (const issue of placeholderIssues(note[part], { model, payment: false })) {
        findings.push(error(`notifications[${n}].${part}`, issue));
      }
    }
  });
  return findings;
}

/**
 * Checks a block of the municipality's library before it is saved: it serves every service,
 * so it may name only what the platform supplies (`{{tenant.name}}`, `{{case.reference}}`,
 * `{{dates.x}}`, `{{payment.dueDate}}` …), never a service's data. Whether a date or the
 * payment is there is checked for each document that uses the block, when its service is
 * published.
 */
export function checkLibraryBlock(text: string): Problem[] {
  return placeholderIssues(text, { dates: "any", payment: "any" }).map((issue) => ({
    path: "text",
    ...issue,
  }));
}
