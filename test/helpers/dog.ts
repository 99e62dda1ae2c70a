import { readFileSync } from "node:fs";

/** The reference service "Hund anmelden" (`services/hund-anmelden.json`), as published. */
export const dogService = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));

// The happy example also carries the caseworker's later inputs (tax tag numbers, signatory),
// which are not part of the form.
const {
  taxTagNumbers: _tag,
  signatory: _signatory,
  ...application
} = JSON.parse(readFileSync("services/examples/hund-anmelden.happy.json", "utf8")).data;

/** A citizen's valid application to {@link dogService}. */
export const dogApplication = application;
