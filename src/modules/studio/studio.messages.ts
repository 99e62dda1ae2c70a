import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "studio.title": "Studio",
    "studio.nav": "Studio",
    "studio.loading": "Das Studio wird geladen …",
    "studio.needsJavaScript":
      "Das Studio ist ein Werkzeug im Browser und braucht JavaScript. Bitte schalten Sie JavaScript für diese Seite ein.",
    "studio.notBuilt":
      "Das Studio ist auf diesem Server noch nicht gebaut. Die Betreiberin oder der Betreiber führt „npm run build:studio“ aus.",
    "studio.error.badRequest": "Die Anfrage ist unvollständig oder fehlerhaft.",
    "studio.error.slug":
      "Die Kurzbezeichnung besteht aus Kleinbuchstaben und Ziffern, Wörter durch Bindestrich getrennt (z. B. hund-anmelden), höchstens 80 Zeichen.",
    "studio.error.titleRequired": "Bitte geben Sie einen Titel an.",
    "studio.error.slugTaken": "Es gibt schon einen Dienst mit der Kurzbezeichnung „{slug}“.",
    "studio.error.unknownTemplate": "Diese Vorlage gibt es nicht.",
    "studio.error.notADefinition": "Der Entwurf ist keine Dienstbeschreibung.",
    "studio.error.idChanged":
      "Die Kurzbezeichnung eines Dienstes lässt sich nicht ändern; sie bleibt „{slug}“.",
    "studio.error.conflict":
      "{name} hat den Entwurf inzwischen gespeichert (Stand {revision}). Laden Sie den Entwurf neu, um die Änderungen zu sehen; Ihre ungespeicherten Änderungen gehen dabei verloren.",
    "studio.error.nothingToPublish": "Es gibt keinen Entwurf zum Veröffentlichen.",
    "studio.error.invalidCharacters":
      "Der Text bei {path} enthält Zeichen, die nicht gespeichert werden können (Nullzeichen oder ungültige Unicode-Zeichen).",
    "studio.import.tooLarge": "Die Datei ist zu groß (höchstens {mb} MB).",
    "studio.import.notJson": "Die Datei ist kein gültiges JSON: {detail}",
  },
  en: {
    "studio.title": "Studio",
    "studio.nav": "Studio",
    "studio.loading": "Loading the studio …",
    "studio.needsJavaScript":
      "The studio is a browser tool and needs JavaScript. Please enable JavaScript for this page.",
    "studio.notBuilt":
      "The studio has not been built on this server yet. The operator runs “npm run build:studio”.",
    "studio.error.badRequest": "The request is incomplete or malformed.",
    "studio.error.slug":
      "The short name consists of lowercase letters and digits, words joined by hyphens (e.g. register-dog), at most 80 characters.",
    "studio.error.titleRequired": "Please enter a title.",
    "studio.error.slugTaken": "There already is a service with the short name “{slug}”.",
    "studio.error.unknownTemplate": "This template does not exist.",
    "studio.error.notADefinition": "The draft is not a service definition.",
    "studio.error.idChanged": "A service's short name cannot change; it stays “{slug}”.",
    "studio.error.conflict":
      "{name} saved the draft meanwhile (revision {revision}). Reload the draft to see their changes; your unsaved changes will be lost.",
    "studio.error.nothingToPublish": "There is no draft to publish.",
    "studio.error.invalidCharacters":
      "The text at {path} contains characters that cannot be stored (NUL or invalid Unicode).",
    "studio.import.tooLarge": "The file is too large (at most {mb} MB).",
    "studio.import.notJson": "The file is not valid JSON: {detail}",
  },
});
