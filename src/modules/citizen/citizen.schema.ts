import { z } from "zod";
import { isGermanPostcode, isPhoneNumber } from "../../core/index.ts";
import type { StoredProfile } from "./citizen.repository.ts";

const text = (max: number) => z.string().trim().max(max);

/** The profile form: every field optional; an address is stored only when complete. */
export const profileForm = z.object({
  givenName: text(100),
  familyName: text(100),
  street: text(150),
  houseNumber: text(20),
  postcode: text(10),
  city: text(100),
  phone: text(40),
});
export type ProfileForm = z.infer<typeof profileForm>;

export const replyForm = z.object({ body: z.string().trim().min(1).max(5000) });

/** The form's values as the profile stores them, or message keys by field. */
export function storedFromForm(
  f: ProfileForm,
): { profile: StoredProfile } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (f.postcode && !isGermanPostcode(f.postcode)) errors.postcode = "citizen.profile.badPostcode";
  if (f.phone && !isPhoneNumber(f.phone)) errors.phone = "citizen.profile.badPhone";
  const parts = [f.street, f.houseNumber, f.postcode, f.city];
  if (parts.some(Boolean) && !parts.every(Boolean)) {
    for (const k of ["street", "houseNumber", "postcode", "city"] as const) {
      if (!f[k]) errors[k] = "citizen.profile.addressIncomplete";
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  const profile: StoredProfile = {};
  if (f.givenName) profile.givenName = f.givenName;
  if (f.familyName) profile.familyName = f.familyName;
  if (f.phone) profile.phone = f.phone;
  if (parts.every(Boolean)) {
    profile.address = {
      street: f.street,
      houseNumber: f.houseNumber,
      postcode: f.postcode,
      city: f.city,
    };
  }
  return { profile };
}

export function profileValues(p: StoredProfile): Record<string, string> {
  return {
    givenName: p.givenName ?? "",
    familyName: p.familyName ?? "",
    street: p.address?.street ?? "",
    houseNumber: p.address?.houseNumber ?? "",
    postcode: p.address?.postcode ?? "",
    city: p.address?.city ?? "",
    phone: p.phone ?? "",
  };
}
