import type { Context } from "hono";
import type { z } from "zod";
import type { Translate } from "../i18n/index.ts";

/** Field errors by field name, already translated. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Reads a urlencoded or multipart form and validates it with `schema`. Every problem becomes a
 * localised message on its field; the submitted values come back so the form can be shown again.
 * A body that cannot be read is treated as empty: the schema then names the missing fields.
 */
export async function readForm<S extends z.ZodType>(
  c: Context,
  schema: S,
  t: Translate,
): Promise<FormResult<z.infer<S>>> {
  let values: Record<string, string> = {};
  try {
    const body = await c.req.parseBody();
    values = Object.fromEntries(
      Object.entries(body).filter(([, v]) => typeof v === "string") as [string, string][],
    );
  } catch {
    values = {};
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (errors[field]) continue;
    errors[field] = messageFor(issue, t);
  }
  delete values.password;
  delete values.passwordRepeat;
  delete values.currentPassword;
  return { ok: false, errors, values };
}

function messageFor(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message?.includes(".") && !issue.message.includes(" ")) return t(issue.message);
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1
        ? t("validation.required")
        : t("validation.tooShort", { min: Number(issue.minimum) });
    case "too_big":
      return t("validation.tooLong", { max: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.format");
    case "invalid_type":
      return t("validation.required");
    default:
      return t("validation.invalid");
  }
}
