import { messages as coreMessages } from "../../core/messages.ts";
import { registerMessages } from "./index.ts";

// Validation and engine messages come from the core, the one place that defines them.
registerMessages(coreMessages);

registerMessages({
  de: {
    "platform.name": "Dienstwerk",
    "layout.skipToContent": "Zum Inhalt springen",
    "layout.navLabel": "Hauptnavigation",
    "layout.footerLabel": "Rechtliches",
    "layout.logout": "Abmelden",
    "layout.login": "Anmelden",
    "layout.myAccount": "Mein Konto",
    "layout.workspace": "Sachbearbeitung",
    "layout.otherLanguage": "English",
    "layout.poweredBy":
      "Bereitgestellt mit Dienstwerk – freie Software für kommunale Online-Dienste (EUPL-1.2).",
    "legal.impressum": "Impressum",
    "legal.privacy": "Datenschutz",
    "legal.accessibility": "Barrierefreiheit",
    "form.errorSummary": "Bitte korrigieren Sie die folgenden Angaben",
    "validation.format": "Das Format ist ungültig.",
    "validation.invalid": "Diese Angabe ist ungültig.",
    "error.notFound":
      "Die Seite wurde nicht gefunden. Vielleicht ist die Adresse falsch geschrieben oder die Seite wurde verschoben.",
    "error.notFound.title": "Seite nicht gefunden",
    "error.forbidden": "Sie haben keine Berechtigung für diese Seite.",
    "error.forbidden.title": "Kein Zugriff",
    "error.csrf":
      "Das Formular ist abgelaufen oder wurde nicht von dieser Seite gesendet. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
    "error.csrf.title": "Formular abgelaufen",
    "error.internal":
      "Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.",
    "error.internal.title": "Technischer Fehler",
    "error.unavailable":
      "Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es in wenigen Minuten noch einmal.",
    "error.unavailable.title": "Vorübergehend nicht erreichbar",
    "error.tooManyRequests":
      "Zu viele Versuche. Bitte warten Sie {minutes} Minuten und versuchen Sie es dann noch einmal.",
    "error.tooManyRequests.title": "Zu viele Versuche",
    "error.reference": "Fehlernummer für Rückfragen: {id}",
    "error.tooLarge":
      "Die gesendeten Daten sind zu groß (höchstens {mb} MB). Bitte verkleinern Sie die Dateien und versuchen Sie es noch einmal.",
    "error.tooLarge.title": "Zu große Datenmenge",
    "error.toStart": "Zur Startseite",
  },
  en: {
    "platform.name": "Dienstwerk",
    "layout.skipToContent": "Skip to content",
    "layout.navLabel": "Main navigation",
    "layout.footerLabel": "Legal",
    "layout.logout": "Sign out",
    "layout.login": "Sign in",
    "layout.myAccount": "My account",
    "layout.workspace": "Case work",
    "layout.otherLanguage": "Deutsch",
    "layout.poweredBy":
      "Provided with Dienstwerk – free software for municipal online services (EUPL-1.2).",
    "legal.impressum": "Legal notice",
    "legal.privacy": "Privacy",
    "legal.accessibility": "Accessibility",
    "form.errorSummary": "Please correct the following",
    "validation.format": "The format is not valid.",
    "validation.invalid": "This value is not valid.",
    "error.notFound":
      "The page was not found. The address may be mistyped or the page may have moved.",
    "error.notFound.title": "Page not found",
    "error.forbidden": "You are not allowed to see this page.",
    "error.forbidden.title": "No access",
    "error.csrf":
      "The form has expired or was not sent from this site. Please reload the page and try again.",
    "error.csrf.title": "Form expired",
    "error.internal": "An unexpected error occurred. Please try again later.",
    "error.internal.title": "Technical error",
    "error.unavailable":
      "The service is temporarily unavailable. Please try again in a few minutes.",
    "error.unavailable.title": "Temporarily unavailable",
    "error.tooManyRequests": "Too many attempts. Please wait {minutes} minutes and try again.",
    "error.tooManyRequests.title": "Too many attempts",
    "error.reference": "Reference for enquiries: {id}",
    "error.tooLarge":
      "The data sent is too large (at most {mb} MB). Please make the files smaller and try again.",
    "error.tooLarge.title": "Too much data",
    "error.toStart": "To the start page",
  },
});
