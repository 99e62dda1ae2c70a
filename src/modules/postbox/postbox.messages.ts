import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "postbox.mail.subject": "Neue Nachricht in Ihrem Bürgerkonto",
    "postbox.mail.text":
      "Guten Tag,\n\nin Ihrem Postfach im Bürgerkonto liegt eine neue Nachricht für Sie.\n\nBitte melden Sie sich an, um sie zu lesen:\n{link}\n\nAus Gründen des Datenschutzes enthält diese E-Mail keine Einzelheiten.",
    "postbox.error.noApplicant":
      "Dieser Vorgang hat kein Bürgerkonto; die Nachricht kann nicht ins Postfach zugestellt werden.",
    "postbox.error.fileTooLarge": "Die Datei „{name}“ ist größer als {max} MB.",
    "postbox.error.fileType":
      "Die Datei „{name}“ ist kein PDF-Dokument und kein Foto (JPEG oder PNG).",
    "postbox.error.tooManyFiles": "Bitte hängen Sie höchstens {max} Dateien an.",
  },
  en: {
    "postbox.mail.subject": "New message in your citizen account",
    "postbox.mail.text":
      "Hello,\n\nthere is a new message for you in the postbox of your citizen account.\n\nPlease sign in to read it:\n{link}\n\nFor data protection reasons this e-mail contains no details.",
    "postbox.error.noApplicant":
      "This case has no citizen account; the message cannot be delivered to a postbox.",
    "postbox.error.fileTooLarge": "The file “{name}” is larger than {max} MB.",
    "postbox.error.fileType":
      "The file “{name}” is neither a PDF document nor a photo (JPEG or PNG).",
    "postbox.error.tooManyFiles": "Please attach at most {max} files.",
  },
});
