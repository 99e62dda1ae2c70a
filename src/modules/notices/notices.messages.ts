import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "notices.letter.kassenzeichen": "Kassenzeichen",
    "notices.letter.contact": "Ansprechperson",
    "notices.payment.title": "Festsetzung und Zahlung",
    "notices.payment.intro":
      "Es werden die folgenden Beträge festgesetzt. Bitte überweisen Sie den Gesamtbetrag bis zum {date} unter Angabe des Kassenzeichens.",
    "notices.payment.nothing": "Es werden keine Beträge erhoben; Sie müssen nichts bezahlen.",
    "notices.payment.item": "Position",
    "notices.payment.basis": "Rechtsgrundlage",
    "notices.payment.sum": "Betrag",
    "notices.payment.total": "Gesamtbetrag",
    "notices.payment.amount": "Zu zahlen",
    "notices.payment.due": "Fällig am",
    "notices.payment.recipient": "Empfänger",
    "notices.payment.bank": "Kreditinstitut",
    "notices.payment.qrCaption": "GiroCode: mit der Banking-App scannen",
    "notices.error.render":
      "Das Dokument „{title}“ konnte nicht erstellt werden. Der Vorgang bleibt unverändert. Bitte versuchen Sie es erneut oder wenden Sie sich an die Administration. ({detail})",
    "notices.error.gap":
      "Das Dokument „{title}“ wird nicht erstellt: Sein Text enthält noch eine Lücke zum Ausfüllen ({gap}). Bitte füllen Sie sie aus (Verwaltung → Textbausteine, oder im Dienst). Der Vorgang bleibt unverändert.",
    "notices.error.payment":
      "Der Gebührenbescheid „{title}“ konnte nicht erstellt werden: {detail} Der Vorgang bleibt unverändert.",
    "notices.error.noFees":
      "Für den Gebührenbescheid „{title}“ sind keine Gebühren festgesetzt (die Aktion setzt keine Gebühren fest). Der Vorgang bleibt unverändert.",
    "notices.history.generated": "{title} erstellt (Version {version})",
    "notices.history.delivered.postbox":
      "{title} im Postfach bereitgestellt; Benachrichtigung versandt",
    "notices.history.delivered.email":
      "{title} zum Abruf bereitgestellt; Link per E-Mail an {email}",
    "notices.history.delivered.print": "{title} für den Postversand vorgemerkt",
    "notices.history.retrieved":
      "{title} abgerufen; bekannt gegeben am {date} (§ 41 Abs. 2a VwVfG)",
    "notices.history.expired":
      "{title} nicht innerhalb von 10 Tagen abgerufen; Bereitstellung beendet (§ 41 Abs. 2a VwVfG)",
    "notices.history.posted":
      "{title} zur Post gegeben am {posted} (Postausgang Nr. {batch}); gilt als bekannt gegeben am {date} (§ 41 Abs. 2 VwVfG)",
    "notices.postbox.subject": "{title}",
    "notices.postbox.body":
      "Guten Tag,\n\nim Anhang finden Sie das Dokument „{title}“ zu Ihrem Vorgang {reference}. Bitte lesen Sie es vollständig, insbesondere die Rechtsbehelfsbelehrung.\n\nMit freundlichen Grüßen\n{tenant}",
    "notices.mail.subject": "Ein Dokument Ihrer Verwaltung liegt zum Abruf bereit",
    "notices.mail.text":
      "Guten Tag,\n\nfür Sie liegt ein Dokument Ihrer Verwaltung zum Abruf bereit. Sie können es über diesen Link abrufen:\n\n{link}\n\nDer Link ist bis zum {until} gültig. Aus Datenschutzgründen enthält diese E-Mail keine weiteren Angaben.",
    "notices.retrieve.title": "Dokument abrufen",
    "notices.retrieve.intro":
      "Für Sie liegt ein Dokument von {tenant} zum Abruf bereit. Mit dem Abruf gilt es am folgenden Tag als bekannt gegeben (§ 41 Abs. 2a VwVfG).",
    "notices.retrieve.button": "Dokument abrufen (PDF)",
    "notices.retrieve.expired":
      "Die Bereitstellung dieses Dokuments ist beendet. Sie erhalten es auf anderem Weg, zum Beispiel per Post.",
    "notices.retrieve.again":
      "Sie haben das Dokument bereits abgerufen. Sie können es erneut herunterladen.",
    "notices.casefile.title": "Dokumente",
    "notices.casefile.none": "Für diesen Vorgang wurden noch keine Dokumente erstellt.",
    "notices.casefile.download": "{title}, Version {version} herunterladen (PDF)",
    "notices.casefile.fingerprint": "SHA-256",
    "notices.delivery.postbox.provided": "Postfach: bereitgestellt {date}, Abruf bis {until}",
    "notices.delivery.postbox.retrieved": "Postfach: abgerufen {at}; bekannt gegeben am {date}",
    "notices.delivery.email.provided": "E-Mail-Link: bereitgestellt {date}, Abruf bis {until}",
    "notices.delivery.email.retrieved": "E-Mail-Link: abgerufen {at}; bekannt gegeben am {date}",
    "notices.delivery.expired":
      "Nicht abgerufen bis {until}: Bereitstellung beendet, anderer Zustellweg nötig",
    "notices.delivery.print.queued": "Post: wartet auf den Postausgang",
    "notices.delivery.print.posted": "Post: aufgegeben am {posted}; bekannt gegeben am {date}",
    "notices.print.title": "Postausgang",
    "notices.print.intro":
      "Briefe für den Postversand werden jeden Werktag früh zu einem Druckstapel zusammengefasst: ein PDF mit Deckblatt und allen Briefen in Reihenfolge. Mit dem Stapel gelten die Briefe als am selben Tag zur Post gegeben.",
    "notices.print.queued": "Wartende Briefe: {count}",
    "notices.print.create": "Druckstapel jetzt erstellen",
    "notices.print.created": "Druckstapel Nr. {number} mit {letters} Briefen erstellt.",
    "notices.print.nothing": "Es warten keine Briefe auf den Postversand.",
    "notices.print.batches": "Druckstapel",
    "notices.print.number": "Nr.",
    "notices.print.postedOn": "Zur Post am",
    "notices.print.letters": "Briefe",
    "notices.print.pages": "Seiten",
    "notices.print.download": "Druckstapel Nr. {number} herunterladen (PDF)",
    "notices.print.none": "Noch keine Druckstapel.",
    "notices.cover.title": "Postausgang {tenant}",
    "notices.cover.batch": "Druckstapel Nr. {number}, zur Post am {date}",
    "notices.cover.summary": "{letters} Briefe, {pages} Seiten (ohne Deckblatt)",
    "notices.cover.no": "Nr.",
    "notices.cover.reference": "Aktenzeichen",
    "notices.cover.recipient": "Empfänger",
    "notices.cover.document": "Dokument",
    "notices.cover.pages": "Seiten",
    "notices.cover.hint":
      "Jeder Brief beginnt auf einem neuen Blatt (Leerseiten für den Duplexdruck sind eingefügt). Bitte in dieser Reihenfolge kuvertieren (Fensterumschlag DIN lang).",
  },
  en: {
    "notices.letter.kassenzeichen": "Payment reference",
    "notices.letter.contact": "Contact",
    "notices.payment.title": "Assessment and payment",
    "notices.payment.intro":
      "The following amounts are assessed. Please transfer the total by {date}, quoting the payment reference.",
    "notices.payment.nothing": "No amounts are charged; you do not need to pay anything.",
    "notices.payment.item": "Item",
    "notices.payment.basis": "Legal basis",
    "notices.payment.sum": "Amount",
    "notices.payment.total": "Total",
    "notices.payment.amount": "To pay",
    "notices.payment.due": "Due on",
    "notices.payment.recipient": "Payee",
    "notices.payment.bank": "Bank",
    "notices.payment.qrCaption": "GiroCode: scan with your banking app",
    "notices.error.render":
      "The document “{title}” could not be made. The case is unchanged. Please try again or contact the administration. ({detail})",
    "notices.error.gap":
      "The document “{title}” is not made: its text still has a gap to fill ({gap}). Please fill it in (Administration → Text blocks, or in the service). The case stays unchanged.",
    "notices.error.payment":
      "The fee notice “{title}” could not be made: {detail} The case is unchanged.",
    "notices.error.noFees":
      "No fees are assessed for the fee notice “{title}” (the action assesses no fees). The case is unchanged.",
    "notices.history.generated": "{title} made (version {version})",
    "notices.history.delivered.postbox": "{title} provided in the postbox; notification sent",
    "notices.history.delivered.email":
      "{title} provided for retrieval; link sent by e-mail to {email}",
    "notices.history.delivered.print": "{title} queued for posting",
    "notices.history.retrieved": "{title} retrieved; notified on {date} (§ 41 (2a) VwVfG)",
    "notices.history.expired":
      "{title} not retrieved within 10 days; provision ended (§ 41 (2a) VwVfG)",
    "notices.history.posted":
      "{title} posted on {posted} (outgoing batch no. {batch}); deemed notified on {date} (§ 41 (2) VwVfG)",
    "notices.postbox.subject": "{title}",
    "notices.postbox.body":
      "Hello,\n\nattached is the document “{title}” on your case {reference}. Please read all of it, in particular the information on legal remedies.\n\nKind regards\n{tenant}",
    "notices.mail.subject": "A document from your administration is ready for you",
    "notices.mail.text":
      "Hello,\n\na document from your administration is ready for you. You can retrieve it with this link:\n\n{link}\n\nThe link is valid until {until}. To protect your data, this e-mail contains nothing more.",
    "notices.retrieve.title": "Retrieve document",
    "notices.retrieve.intro":
      "A document from {tenant} is ready for you. Once retrieved, it counts as notified on the following day (§ 41 (2a) VwVfG).",
    "notices.retrieve.button": "Retrieve document (PDF)",
    "notices.retrieve.expired":
      "This document is no longer provided here. You will receive it another way, for example by post.",
    "notices.retrieve.again": "You have retrieved this document before. You can download it again.",
    "notices.casefile.title": "Documents",
    "notices.casefile.none": "No documents have been made for this case yet.",
    "notices.casefile.download": "Download {title}, version {version} (PDF)",
    "notices.casefile.fingerprint": "SHA-256",
    "notices.delivery.postbox.provided": "Postbox: provided {date}, retrievable until {until}",
    "notices.delivery.postbox.retrieved": "Postbox: retrieved {at}; notified on {date}",
    "notices.delivery.email.provided": "E-mail link: provided {date}, retrievable until {until}",
    "notices.delivery.email.retrieved": "E-mail link: retrieved {at}; notified on {date}",
    "notices.delivery.expired": "Not retrieved by {until}: provision ended, another channel needed",
    "notices.delivery.print.queued": "Post: waiting for the outgoing batch",
    "notices.delivery.print.posted": "Post: posted on {posted}; notified on {date}",
    "notices.print.title": "Outgoing mail",
    "notices.print.intro":
      "Letters to be sent by post are collected into a print batch early every working day: one PDF with a cover sheet and all letters in order. With the batch, the letters count as posted that day.",
    "notices.print.queued": "Letters waiting: {count}",
    "notices.print.create": "Make the print batch now",
    "notices.print.created": "Print batch no. {number} with {letters} letters made.",
    "notices.print.nothing": "No letters are waiting to be posted.",
    "notices.print.batches": "Print batches",
    "notices.print.number": "No.",
    "notices.print.postedOn": "Posted on",
    "notices.print.letters": "Letters",
    "notices.print.pages": "Pages",
    "notices.print.download": "Download print batch no. {number} (PDF)",
    "notices.print.none": "No print batches yet.",
    "notices.cover.title": "Outgoing mail {tenant}",
    "notices.cover.batch": "Print batch no. {number}, posted on {date}",
    "notices.cover.summary": "{letters} letters, {pages} pages (without cover sheet)",
    "notices.cover.no": "No.",
    "notices.cover.reference": "Reference",
    "notices.cover.recipient": "Recipient",
    "notices.cover.document": "Document",
    "notices.cover.pages": "Pages",
    "notices.cover.hint":
      "Every letter starts on a new sheet (blank pages for duplex printing are inserted). Please put them in envelopes in this order (DL window envelope).",
  },
});
