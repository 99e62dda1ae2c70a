import assert from "node:assert/strict";
import type { Page } from "playwright-core";

/** Answers for the dog registration (hund-anmelden) as a citizen types them. */
export const DOG_HOLDER: Record<string, string> = {
  "applicantName.givenName": "Erika",
  "applicantName.familyName": "Mustermann",
  applicantBirthDate: "14.03.1985",
  "applicantAddress.street": "Lindenallee",
  "applicantAddress.houseNumber": "12",
  "applicantAddress.postcode": "39999",
  "applicantAddress.city": "Musterstadt",
  applicantEmail: "erika@example.org",
  existingDogs: "0",
};

export const DOG_TEXTS: Record<string, string> = {
  "dogs[0].dogName": "Bello",
  "dogs[0].dogBirthDate": "01.06.2025",
  "dogs[0].dogHeldSince": "02.11.2026",
  "dogs[0].dogChipNumber": "276098106543210",
  "dogs[0].dogInsurer": "Beispiel Versicherung AG",
  "dogs[0].dogPolicyNumber": "HH-4711",
};

export async function fillFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values))
    await page.locator(`[name="${name}"]`).fill(value);
}

export const nextPage = (page: Page) =>
  page.locator('button.kern-btn--primary[value="weiter"]').click();

/**
 * A dog registration through the portal pages, from the service page to the confirmation:
 * a page with errors first, the conditional "other breed" field, adding and removing a dog.
 * `check` runs on every page state (axe). Returns the case reference shown.
 */
export async function applyForDogInBrowser(
  page: Page,
  serviceUrl: string,
  check: (page: Page) => Promise<void>,
): Promise<string> {
  await page.goto(serviceUrl);
  await check(page);
  await page.getByRole("link", { name: "Antrag starten" }).click();
  await page.waitForURL(/\/antrag\/halter$/);
  await check(page); // empty (or prefilled from the account)
  await page.locator('[name="applicantName.givenName"]').fill("");
  await nextPage(page);
  assert.match(await page.locator(".error-summary").innerText(), /Bitte/);
  await check(page); // with errors
  await fillFields(page, DOG_HOLDER);
  await nextPage(page);
  await page.waitForURL(/\/antrag\/hunde$/);
  await check(page);
  await fillFields(page, DOG_TEXTS);
  await page.locator('[name="dogs[0].dogBreed"]').selectOption("sonstige");
  await page.locator('[name="dogs[0].dogSex"][value="ruede"]').check();
  await page.locator('[name="dogs[0].dogRelief"]').selectOption("keine");
  await nextPage(page);
  await page.locator('[name="dogs[0].dogBreedOther"]').waitFor(); // revealed, with its error
  await check(page);
  await page.locator('[name="dogs[0].dogBreedOther"]').fill("Podenco");
  await page.locator('button[value="add:dogs"]').click();
  await page.locator('[name="dogs[1].dogName"]').waitFor();
  await check(page);
  await page.locator('button[value="remove:dogs:1"]').click();
  await page.locator('[name="dogs[1].dogName"]').waitFor({ state: "detached" });
  await nextPage(page);
  await page.waitForURL(/\/antrag\/erklaerung$/);
  await page.locator('[name="truthfulnessConfirmed"]').check();
  await nextPage(page);
  await page.waitForURL(/\/antrag\/zusammenfassung$/);
  assert.match(await page.locator("main").innerText(), /Podenco/);
  await check(page);
  await page.getByRole("button", { name: "Antrag verbindlich absenden" }).click();
  await page.waitForURL(/\/antrag\/bestaetigung$/);
  const reference = (await page.locator(".case-reference").innerText()).trim();
  assert.match(reference, /^HUND-\d{4}-\d{5}$/);
  await check(page);
  return reference;
}
