import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "studio.preview.unknownDocument": "Das Dokument „{id}“ gibt es in diesem Entwurf nicht.",
    "studio.preview.notLoadable":
      "Die Vorschau ist noch nicht möglich: Der Entwurf hat {count} Fehler, die zuerst behoben werden müssen (Reiter Prüfung).",
    "studio.preview.tooLarge": "Die Anfrage für die Vorschau ist zu groß.",
    "studio.preview.fees":
      "Die Gebühren lassen sich mit diesen Daten nicht berechnen, daher gibt es keine Vorschau des Gebührenbescheids: {detail}",
  },
  en: {
    "studio.preview.unknownDocument": "The draft has no document “{id}”.",
    "studio.preview.notLoadable":
      "No preview yet: the draft has {count} errors to fix first (tab Prüfung).",
    "studio.preview.tooLarge": "The preview request is too large.",
    "studio.preview.fees":
      "The fees cannot be assessed with this data, so there is no preview of the fee notice: {detail}",
  },
});
