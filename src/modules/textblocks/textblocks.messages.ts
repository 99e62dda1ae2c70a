import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "textblocks.admin.title": "Textbausteine",
    "textblocks.admin.title.intro":
      "Rechtsbehelfsbelehrungen, Datenschutz- und Zahlungshinweise, die alle Bescheide Ihrer Kommune verwenden können.",
    "textblocks.admin.lead":
      "Bescheide setzen sich aus Textbausteinen und eigenem Text zusammen. Ein Dienst nennt einen Baustein mit seinem Schlüssel; hat er selbst einen Baustein mit diesem Schlüssel, gilt seiner. Prüfen Sie die mitgelieferten Bausteine, bevor Sie sie verwenden, und ergänzen Sie Angaben in eckigen Klammern.",
    "textblocks.placeholders":
      "Erlaubte Platzhalter: {list}; in Gebührenbescheiden auch {payment}; die Daten des Dokuments als {{dates.name}}. Angaben aus dem Antrag eines Dienstes sind hier nicht möglich.",
    "textblocks.none": "Es gibt noch keine Textbausteine.",
    "textblocks.gap.badge": "Lücke ausfüllen",
    "textblocks.gap.title": "Dieser Baustein hat noch eine Lücke",
    "textblocks.gap.body":
      "Ersetzen Sie die Angabe in eckigen Klammern durch den richtigen Text. Solange die Lücke besteht, kann kein Dienst diesen Baustein veröffentlichen oder drucken.",
    "textblocks.list": "Textbausteine der Kommune",
    "textblocks.field.key": "Schlüssel",
    "textblocks.field.key.hint":
      "So nennen Dienste den Baustein, z. B. rechtsbehelfsbelehrungWiderspruch: ein Buchstabe, dann Buchstaben, Ziffern oder _. Er lässt sich später nicht ändern.",
    "textblocks.field.title": "Überschrift (optional)",
    "textblocks.field.text": "Text",
    "textblocks.column.version": "Version",
    "textblocks.column.changed": "Geändert",
    "textblocks.column.actions": "Aktionen",
    "textblocks.changedBy": "{when} von {name}",
    "textblocks.edit": "Bearbeiten",
    "textblocks.new": "Neuer Textbaustein",
    "textblocks.create": "Textbaustein anlegen",
    "textblocks.editTitle": "Textbaustein „{key}“",
    "textblocks.versionInfo": "Version {version}. Speichern legt Version {next} an.",
    "textblocks.save": "Speichern",
    "textblocks.delete": "Textbaustein löschen",
    "textblocks.deleteHint":
      "Ein Baustein, den ein veröffentlichter Dienst verwendet, kann nicht gelöscht werden.",
    "textblocks.created": "Der Textbaustein wurde angelegt.",
    "textblocks.saved": "Der Textbaustein wurde gespeichert.",
    "textblocks.deleted": "Der Textbaustein wurde gelöscht.",
    "textblocks.error.key":
      "Der Schlüssel beginnt mit einem Buchstaben und enthält nur Buchstaben, Ziffern und _.",
    "textblocks.error.keyTaken": "Einen Textbaustein mit diesem Schlüssel gibt es schon.",
    "textblocks.error.stale":
      "Der Textbaustein wurde inzwischen geändert (jetzt Version {version}). Laden Sie die Seite neu und übernehmen Sie Ihre Änderung erneut.",
    "textblocks.error.breaksServices":
      "Mit diesem Text könnten veröffentlichte Dienste ihre Bescheide nicht mehr richtig erstellen: {services}. Ein Datum oder eine Zahlungsangabe fehlt dort.",
    "textblocks.error.inUse":
      "Der Textbaustein wird von veröffentlichten Diensten verwendet und kann nicht gelöscht werden: {services}.",
  },
  en: {
    "textblocks.gap.badge": "Gap to fill",
    "textblocks.gap.title": "This block still has a gap",
    "textblocks.gap.body":
      "Replace the text in square brackets with the right one. While the gap is there, no service can publish or print this block.",
    "textblocks.admin.title": "Text blocks",
    "textblocks.admin.title.intro":
      "Remedy notices, data-protection and payment notes that every notice of your municipality can use.",
    "textblocks.admin.lead":
      "Notices are assembled from text blocks and their own text. A service names a block by its key; if the service has a block of that key itself, its own one applies. Check the supplied blocks before you use them and fill in anything in square brackets.",
    "textblocks.placeholders":
      "Allowed placeholders: {list}; in fee notices also {payment}; the document's dates as {{dates.name}}. A service's application data cannot be used here.",
    "textblocks.none": "There are no text blocks yet.",
    "textblocks.list": "The municipality's text blocks",
    "textblocks.field.key": "Key",
    "textblocks.field.key.hint":
      "How services name the block, e.g. rechtsbehelfsbelehrungWiderspruch: a letter, then letters, digits or _. It cannot be changed later.",
    "textblocks.field.title": "Heading (optional)",
    "textblocks.field.text": "Text",
    "textblocks.column.version": "Version",
    "textblocks.column.changed": "Changed",
    "textblocks.column.actions": "Actions",
    "textblocks.changedBy": "{when} by {name}",
    "textblocks.edit": "Edit",
    "textblocks.new": "New text block",
    "textblocks.create": "Create text block",
    "textblocks.editTitle": "Text block “{key}”",
    "textblocks.versionInfo": "Version {version}. Saving creates version {next}.",
    "textblocks.save": "Save",
    "textblocks.delete": "Delete text block",
    "textblocks.deleteHint": "A block that a published service uses cannot be deleted.",
    "textblocks.created": "The text block was created.",
    "textblocks.saved": "The text block was saved.",
    "textblocks.deleted": "The text block was deleted.",
    "textblocks.error.key": "The key starts with a letter and contains only letters, digits and _.",
    "textblocks.error.keyTaken": "A text block with this key exists already.",
    "textblocks.error.stale":
      "The text block was changed in the meantime (now version {version}). Reload the page and make your change again.",
    "textblocks.error.breaksServices":
      "With this text, published services could no longer make their notices correctly: {services}. A date or payment detail is missing there.",
    "textblocks.error.inUse":
      "Published services use this text block, so it cannot be deleted: {services}.",
  },
});
