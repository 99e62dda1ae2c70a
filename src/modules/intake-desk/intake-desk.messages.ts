import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "intakeDesk.nav": "Antrag erfassen",
    "intakeDesk.choose.title": "Antrag für eine Bürgerin oder einen Bürger erfassen",
    "intakeDesk.choose.intro":
      "Für Anträge, die per Post, Fax, Telefon, E-Mail oder am Schalter eingegangen sind. Wählen Sie die Leistung.",
    "intakeDesk.choose.none": "Diese Kommune hat noch keine Leistung veröffentlicht.",
    "intakeDesk.form.title": "Antrag erfassen: {service}",
    "intakeDesk.receipt": "Eingang",
    "intakeDesk.channel": "Eingangsweg",
    "intakeDesk.received": "Eingangsdatum",
    "intakeDesk.received.hint": "Zum Beispiel 03.04.2027. Nicht in der Zukunft.",
    "intakeDesk.scans": "Scans des Antrags (optional)",
    "intakeDesk.scans.hint":
      "PDF, JPEG oder PNG, höchstens {max} je Datei. Bei einem Fehler wählen Sie die Dateien erneut aus.",
    "intakeDesk.account": "E-Mail-Adresse eines Bürgerkontos (optional)",
    "intakeDesk.account.hint":
      "Wenn angegeben, sieht die Person den Vorgang und die Nachrichten in ihrem Konto.",
    "intakeDesk.submit": "Antrag erfassen",
    "intakeDesk.error.channel": "Wählen Sie den Eingangsweg.",
    "intakeDesk.error.received":
      "Geben Sie das Eingangsdatum als gültiges Datum an, zum Beispiel 03.04.2027.",
    "intakeDesk.error.future": "Das Eingangsdatum darf nicht in der Zukunft liegen.",
    "intakeDesk.error.account": "Es gibt kein Bürgerkonto mit dieser E-Mail-Adresse.",
    "intakeDesk.error.tooMany": "Wählen Sie höchstens {max} Dateien aus.",
    "intakeDesk.done.title": "Der Antrag ist erfasst",
    "intakeDesk.done.reference": "Aktenzeichen: {reference}",
    "intakeDesk.done.open": "Vorgang {reference} öffnen",
    "intakeDesk.done.another": "Einen weiteren Antrag erfassen",
  },
  en: {
    "intakeDesk.nav": "Enter application",
    "intakeDesk.choose.title": "Enter an application on behalf of a citizen",
    "intakeDesk.choose.intro":
      "For applications received by post, fax, phone, e-mail or at the counter. Choose the service.",
    "intakeDesk.choose.none": "This municipality has not published any service yet.",
    "intakeDesk.form.title": "Enter application: {service}",
    "intakeDesk.receipt": "Receipt",
    "intakeDesk.channel": "Received by",
    "intakeDesk.received": "Date received",
    "intakeDesk.received.hint": "For example 03.04.2027. Not in the future.",
    "intakeDesk.scans": "Scans of the application (optional)",
    "intakeDesk.scans.hint":
      "PDF, JPEG or PNG, at most {max} per file. After an error, choose the files again.",
    "intakeDesk.account": "E-mail address of a citizen account (optional)",
    "intakeDesk.account.hint":
      "If given, the person sees the case and its messages in their account.",
    "intakeDesk.submit": "Enter application",
    "intakeDesk.error.channel": "Choose how the application was received.",
    "intakeDesk.error.received": "Enter the date received as a valid date, for example 03.04.2027.",
    "intakeDesk.error.future": "The date received must not be in the future.",
    "intakeDesk.error.account": "There is no citizen account with this e-mail address.",
    "intakeDesk.error.tooMany": "Choose at most {max} files.",
    "intakeDesk.done.title": "The application is entered",
    "intakeDesk.done.reference": "Reference: {reference}",
    "intakeDesk.done.open": "Open case {reference}",
    "intakeDesk.done.another": "Enter another application",
  },
});
