import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "cases.error.invalid": "Der Antrag enthält {count} fehlerhafte Angaben.",
    "cases.error.idempotencyConflict":
      "Unter diesem Idempotenzschlüssel wurde bereits ein anderer Antrag eingereicht.",
    "cases.error.stale":
      "Der Vorgang wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand.",
    "cases.error.apiKeyRevoked": "Der API-Schlüssel wurde widerrufen.",
  },
  en: {
    "cases.error.invalid": "The application has {count} invalid entries.",
    "cases.error.idempotencyConflict":
      "A different application was already submitted with this idempotency key.",
    "cases.error.stale":
      "The case has changed in the meantime. Please reload the page and check its current state.",
    "cases.error.apiKeyRevoked": "The API key has been revoked.",
  },
});
