import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "outbox.title": "Postausgang (Entwicklung)",
    "outbox.intro":
      "Es ist kein SMTP-Server eingerichtet (SMTP_URL). Jede E-Mail, die Dienstwerk versendet, erscheint deshalb hier statt im Postfach der Empfängerin oder des Empfängers.",
    "outbox.empty": "Noch keine E-Mails versendet.",
    "outbox.col.time": "Zeit",
    "outbox.col.to": "An",
    "outbox.col.subject": "Betreff",
    "outbox.back": "Zurück zum Postausgang",
  },
  en: {
    "outbox.title": "Outbox (development)",
    "outbox.intro":
      "No SMTP server is configured (SMTP_URL). Every email Dienstwerk sends therefore appears here instead of in the recipient's mailbox.",
    "outbox.empty": "No emails sent yet.",
    "outbox.col.time": "Time",
    "outbox.col.to": "To",
    "outbox.col.subject": "Subject",
    "outbox.back": "Back to the outbox",
  },
});
