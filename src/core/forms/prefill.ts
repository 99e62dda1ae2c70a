import type { ServiceDefinition } from "../definition/types.ts";

/** What the citizen account knows about a person, as far as forms may use it. */
export type AccountProfile = {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  email?: string;
  phone?: string;
  address?: {
    street: string;
    houseNumber: string;
    postcode: string;
    city: string;
    addition?: string;
    country?: string;
  };
};

/**
 * Initial form data from the citizen account, for fields with `prefill`. The citizen
 * can change every prefilled value; validation treats them like typed input.
 */
export function prefillForm(
  def: ServiceDefinition,
  account: AccountProfile,
): Record<string, unknown> {
  const sources: Record<string, unknown> = {
    "account.givenName": account.givenName,
    "account.familyName": account.familyName,
    "account.name":
      account.givenName && account.familyName
        ? { givenName: account.givenName, familyName: account.familyName }
        : undefined,
    "account.birthDate": account.birthDate,
    "account.email": account.email,
    "account.phone": account.phone,
    "account.address": account.address ? { ...account.address } : undefined,
  };
  const data: Record<string, unknown> = {};
  for (const page of def.form.pages) {
    for (const field of page.fields) {
      if (field.type === "info" || !field.prefill) continue;
      const value = sources[field.prefill];
      if (value !== undefined) data[field.id] = value;
    }
  }
  return data;
}

/**
 * The value of the form's first top-level field of `type` that has one — by the forms'
 * convention the applicant's own (their e-mail address, name, address). Undefined if none.
 */
export function firstValueOfType<T = unknown>(
  def: ServiceDefinition,
  data: Record<string, unknown>,
  type: string,
): T | undefined {
  for (const page of def.form.pages) {
    for (const f of page.fields) {
      const value = data[f.id];
      if (f.type === type && value !== undefined && value !== null && value !== "")
        return value as T;
    }
  }
  return undefined;
}
