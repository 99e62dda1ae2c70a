import type { Role } from "../../platform/db/schema.ts";
import type { TenantSettingsDraft } from "../tenants/index.ts";

/** The one password of every demo account: printed on start, shown on the start pages. */
export const DEMO_PASSWORD = "Demo-Passwort-2026";

export type DemoTenant = {
  slug: string;
  settings: TenantSettingsDraft;
  orgUnits: string[];
  staff: { email: string; name: string; roles: Role[]; orgUnits: string[] }[];
};

const staff = (domain: string) =>
  [
    {
      email: "sachbearbeitung",
      name: "Sandra Sachbearbeiterin",
      roles: ["caseworker"],
      orgUnits: ["Bürgerbüro"],
    },
    {
      email: "leitung",
      name: "Lars Leiter",
      roles: ["approver", "caseworker"],
      orgUnits: ["Bürgerbüro", "Ordnungsamt"],
    },
    { email: "admin", name: "Anna Admin", roles: ["admin"], orgUnits: [] },
    { email: "gestaltung", name: "Gerd Gestalter", roles: ["designer"], orgUnits: [] },
    { email: "pruefung", name: "Paula Prüferin", roles: ["auditor"], orgUnits: [] },
  ].map((s) => ({ ...s, email: `${s.email}@${domain}` })) as DemoTenant["staff"];

const legal = (name: string, address: string) => ({
  impressum: `${name}\n${address}\n\nVertreten durch den Bürgermeister. Dies ist eine Demo-Installation von Dienstwerk mit erfundenen Angaben.`,
  privacy: `${name} verarbeitet personenbezogene Daten nur zur Bearbeitung Ihrer Anträge (Art. 6 Abs. 1 lit. c und e DSGVO).\n\nDies ist eine Demo-Installation: Bitte geben Sie keine echten Daten ein.`,
  accessibility: `${name} ist bemüht, ihre Online-Dienste im Einklang mit der BITV 2.0 barrierefrei zugänglich zu machen. Die Seiten werden automatisiert mit axe-core geprüft.\n\nBarrieren melden Sie bitte an die im Impressum genannte Adresse.`,
});

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: "musterstadt",
    settings: {
      name: "Gemeinde Musterstadt",
      state: "ST",
      street: "Marktplatz 1",
      postcode: "39104",
      city: "Musterstadt",
      email: "buergerbuero@musterstadt.example",
      phone: "0391 123456-0",
      website: "https://www.musterstadt.example",
      openingHours: "Mo, Di, Fr 8–12 Uhr; Do 14–18 Uhr",
      primaryColour: "#0b5394",
      iban: "DE02120300000000202051",
      bic: "BYLADEM1001",
      bankName: "Deutsche Kreditbank Berlin",
      ...legal("Gemeinde Musterstadt", "Marktplatz 1, 39104 Musterstadt"),
    },
    orgUnits: ["Bürgerbüro", "Ordnungsamt", "Bauamt"],
    staff: staff("musterstadt.example"),
  },
  {
    slug: "beispielburg",
    settings: {
      name: "Stadt Beispielburg",
      state: "NW",
      street: "Rathausstraße 5",
      postcode: "44135",
      city: "Beispielburg",
      email: "service@beispielburg.example",
      phone: "0231 98765-0",
      website: "https://www.beispielburg.example",
      openingHours: "Mo–Fr 8–13 Uhr; Mi 14–17 Uhr",
      primaryColour: "#6a1b3d",
      iban: "DE02120300000000202051",
      bic: "BYLADEM1001",
      bankName: "Deutsche Kreditbank Berlin",
      ...legal("Stadt Beispielburg", "Rathausstraße 5, 44135 Beispielburg"),
    },
    orgUnits: ["Bürgerbüro", "Ordnungsamt", "Bauamt"],
    staff: staff("beispielburg.example"),
  },
];

export const DEMO_PLATFORM_ADMIN = {
  email: "plattform@dienstwerk.example",
  name: "Petra Plattform",
};

export const DEMO_CITIZEN = { email: "erika.mustermann@example.org", name: "Erika Mustermann" };

/** The caseworker a newcomer signs in as first. */
export const DEMO_CASEWORKER = "sachbearbeitung@musterstadt.example";
