import { PLACEHOLDER_ROOTS, resolveReference } from "../definition/check-rules.ts";
import { dataModel } from "../definition/data-model.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import type { Finding } from "../problems.ts";

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const NAME_PATH = /^[a-zA-Z]\w*(\.[a-zA-Z]\w*)*$/;

/** Every text with placeholders in a definition, with its path. */
function texts(def: ServiceDefinition): { path: string; text: string; forEach?: string }[] {
  const out: { path: string; text: string; forEach?: string }[] = [];
  for (const [id, block] of Object.entries(def.textBlocks ?? {}))
    out.push({ path: `textBlocks.${id}.text`, text: block.text });
  def.documents?.forEach((doc, d) => {
    doc.blocks.forEach((block, b) => {
      if (block.text) {
        out.push({
          path: `documents[${d}].blocks[${b}].text`,
          text: block.text,
          forEach: block.forEach,
        });
      }
    });
  });
  def.notifications?.forEach((note, n) => {
    out.push({ path: `notifications[${n}].subject`, text: note.subject });
    out.push({ path: `notifications[${n}].body`, text: note.body });
  });
  return out;
}

/**
 * Checks `{{placeholders}}` in text blocks, documents and notifications: each must name
 * case data (`{{dogCount}}`, `{{address.city}}`) or what the platform supplies
 * (`{{case.reference}}`, `{{fees.total}}`, `{{tenant.name}}`, `{{today}}`).
 */
export function lintPlaceholders(def: ServiceDefinition): Finding[] {
  const model = dataModel(def);
  const findings: Finding[] = [];
  for (const { path, text, forEach } of texts(def)) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const content = match[1].trim();
      if (!NAME_PATH.test(content)) {
        findings.push({
          severity: "error",
          path,
          key: "lint.badPlaceholder",
          params: { placeholder: match[0] },
        });
        continue;
      }
      const [name, ...rest] = content.split(".");
      if ((PLACEHOLDER_ROOTS as readonly string[]).includes(name)) continue;
      if (name === "item" && forEach) {
        // inside a repeated block, item.x names a subfield of the group
        const ref = { name: forEach, path: rest.slice(0, 1), from: 0, to: 0 };
        if (rest.length === 1 && !resolveReference(model, { kind: "document" }, ref)) continue;
        findings.push({
          severity: "error",
          path,
          key: "lint.unknownPlaceholder",
          params: { placeholder: content },
        });
        continue;
      }
      const ref = { name, path: rest, from: 0, to: 0 };
      const issue = resolveReference(model, { kind: "document" }, ref);
      if (issue)
        findings.push({
          severity: "error",
          path,
          key: "lint.unknownPlaceholder",
          params: { placeholder: content },
        });
    }
  }
  return findings;
}
