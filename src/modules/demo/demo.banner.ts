import { DEMO_CASEWORKER, DEMO_CITIZEN, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from "./demo.data.ts";

/**
 * What `npm start` prints in demo mode, German and English, so that a newcomer can sign in as a
 * caseworker within a minute. Console text for the person starting the server, not a page.
 */
export function demoBanner(baseUrl: string): string {
  const line = "─".repeat(72);
  return [
    line,
    "  Dienstwerk – Demo-Modus / demo mode (erfundene Daten / made-up data)",
    "",
    `  Kommune / municipality:   ${baseUrl}/musterstadt/`,
    `  Sachbearbeitung / caseworker sign-in:`,
    `                            ${baseUrl}/musterstadt/amt/anmelden`,
    `  E-Mail / email:           ${DEMO_CASEWORKER}`,
    `  Passwort / password:      ${DEMO_PASSWORD}`,
    "",
    "  Weitere Konten (gleiches Passwort) / more accounts (same password):",
    "    admin@, leitung@, gestaltung@, pruefung@musterstadt.example (also beispielburg.example)",
    `    Plattform / platform:   ${DEMO_PLATFORM_ADMIN.email}  ${baseUrl}/admin/`,
    `    Bürgerkonto / citizen:  ${DEMO_CITIZEN.email}  ${baseUrl}/konto/anmelden`,
    "",
    "  Nicht für den Echtbetrieb: DEMO_MODE=false schaltet das ab. / Not for production.",
    line,
    "",
  ].join("\n");
}
