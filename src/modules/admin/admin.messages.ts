import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "admin.title": "Plattform-Verwaltung",
    "admin.intro": "Kommunen auf dieser Dienstwerk-Instanz anlegen und verwalten.",
    "admin.tenants": "Kommunen",
    "admin.tenants.none": "Es gibt noch keine Kommunen.",
    "admin.tenant.name": "Name",
    "admin.tenant.slug": "Adresse",
    "admin.tenant.state": "Bundesland",
    "admin.tenant.links": "Links",
    "admin.tenant.open": "Startseite",
    "admin.tenant.administer": "Verwaltung",
    "admin.create.title": "Kommune anlegen",
    "admin.create.slug.hint":
      "Teil der Internetadresse, z. B. musterstadt für {base}/musterstadt/. Kleinbuchstaben, Ziffern und Bindestriche.",
    "admin.create.name.hint": "Zum Beispiel: Gemeinde Musterstadt",
    "admin.create.adminEmail": "E-Mail-Adresse der ersten Verwaltungsperson",
    "admin.create.adminEmail.hint":
      "Die Person erhält eine Einladung und richtet danach Einstellungen und Mitarbeitende ein.",
    "admin.create.submit": "Kommune anlegen",
    "admin.created": "Die Kommune wurde angelegt.",
  },
  en: {
    "admin.title": "Platform administration",
    "admin.intro": "Create and manage the municipalities on this Dienstwerk instance.",
    "admin.tenants": "Municipalities",
    "admin.tenants.none": "There are no municipalities yet.",
    "admin.tenant.name": "Name",
    "admin.tenant.slug": "Address",
    "admin.tenant.state": "Federal state",
    "admin.tenant.links": "Links",
    "admin.tenant.open": "Start page",
    "admin.tenant.administer": "Administration",
    "admin.create.title": "Create a municipality",
    "admin.create.slug.hint":
      "Part of the web address, e.g. musterstadt for {base}/musterstadt/. Lower-case letters, digits and hyphens.",
    "admin.create.name.hint": "For example: Gemeinde Musterstadt",
    "admin.create.adminEmail": "Email address of the first administrator",
    "admin.create.adminEmail.hint":
      "The person receives an invitation and then sets up settings and staff.",
    "admin.create.submit": "Create municipality",
    "admin.created": "The municipality has been created.",
  },
});
