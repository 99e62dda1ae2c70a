import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "documents.letter.page": "Seite",
    "documents.letter.of": "von",
    "documents.letter.reference": "Aktenzeichen",
    "documents.letter.date": "Datum",
    "documents.letter.received": "Eingang",
    "documents.letter.phone": "Telefon",
    "documents.letter.email": "E-Mail",
    "documents.letter.website": "Internet",
    "documents.letter.openingHours": "Öffnungszeiten",
    "documents.letter.footer.address": "Anschrift",
    "documents.letter.footer.contact": "Kontakt",
    "documents.letter.footer.bank": "Bankverbindung",
    "documents.receipt.subject": "Eingangsbestätigung: {service}",
    "documents.receipt.salutation": "Guten Tag,",
    "documents.receipt.intro":
      "wir haben Ihren Antrag „{service}“ am {date} um {time} Uhr erhalten. Vielen Dank.",
    "documents.receipt.reference":
      "Ihr Aktenzeichen lautet {reference}. Bitte geben Sie es bei allen Rückfragen an.",
    "documents.receipt.dataTitle": "Ihre Angaben",
    "documents.receipt.nextTitle": "Wie es weitergeht",
    "documents.receipt.next":
      "Wir prüfen Ihren Antrag jetzt. Die Bearbeitung dauert in der Regel {duration}. Fehlen Angaben oder Unterlagen, melden wir uns bei Ihnen.",
    "documents.receipt.nextAccount":
      "Den Stand Ihres Antrags und unsere Nachrichten finden Sie in Ihrem Bürgerkonto.",
    "documents.receipt.machine":
      "Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig.",
    "documents.receipt.closing": "Mit freundlichen Grüßen",
    "documents.receipt.item": "{label} {number}",
    "documents.duration.days": "{count} Tage",
    "documents.duration.workingDays": "{count} Arbeitstage",
    "documents.duration.weeks": "{count} Wochen",
    "documents.duration.months": "{count} Monate",
    "documents.value.yes": "ja",
    "documents.value.no": "nein",
    "documents.value.time": "{time} Uhr",
    "documents.value.birthName": "geb. {name}",
  },
  en: {
    "documents.letter.page": "Page",
    "documents.letter.of": "of",
    "documents.letter.reference": "Reference",
    "documents.letter.date": "Date",
    "documents.letter.received": "Received",
    "documents.letter.phone": "Phone",
    "documents.letter.email": "Email",
    "documents.letter.website": "Web",
    "documents.letter.openingHours": "Opening hours",
    "documents.letter.footer.address": "Address",
    "documents.letter.footer.contact": "Contact",
    "documents.letter.footer.bank": "Bank details",
    "documents.receipt.subject": "Acknowledgement of receipt: {service}",
    "documents.receipt.salutation": "Hello,",
    "documents.receipt.intro":
      "we received your application “{service}” on {date} at {time}. Thank you.",
    "documents.receipt.reference":
      "Your reference is {reference}. Please quote it whenever you contact us.",
    "documents.receipt.dataTitle": "Your details",
    "documents.receipt.nextTitle": "What happens next",
    "documents.receipt.next":
      "We are now reviewing your application. Processing usually takes {duration}. If details or documents are missing, we will contact you.",
    "documents.receipt.nextAccount":
      "You can follow your application and read our messages in your citizen account.",
    "documents.receipt.machine":
      "This letter was produced automatically and is valid without a signature.",
    "documents.receipt.closing": "Kind regards",
    "documents.receipt.item": "{label} {number}",
    "documents.duration.days": "{count} days",
    "documents.duration.workingDays": "{count} working days",
    "documents.duration.weeks": "{count} weeks",
    "documents.duration.months": "{count} months",
    "documents.value.yes": "yes",
    "documents.value.no": "no",
    "documents.value.time": "{time}",
    "documents.value.birthName": "née {name}",
  },
});
