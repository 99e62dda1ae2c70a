import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "studio.preview.unknownPage": "Diese Seite gibt es im Formular nicht (mehr).",
    "studio.preview.badData":
      "Die Vorschau lässt sich mit diesen Beispielwerten nicht darstellen. Bitte prüfen Sie die Werte.",
  },
  en: {
    "studio.preview.unknownPage": "The form has no such page (any more).",
    "studio.preview.badData":
      "The preview cannot be shown with these sample values. Please check the values.",
  },
});
