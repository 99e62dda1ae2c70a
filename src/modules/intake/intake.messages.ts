import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "intake.error.unauthorized":
      "Bitte melden Sie sich mit einem gültigen API-Schlüssel der Kommune an (Authorization: Bearer …).",
    "intake.error.unsupportedMediaType": "Bitte senden Sie den Antrag als application/json.",
    "intake.error.malformedJson": "Der Inhalt ist kein gültiges JSON.",
    "intake.error.serviceNotFound": "Diesen Dienst bietet die Kommune nicht online an.",
    "intake.error.badRequest": "Die Anfrage hat nicht die erwartete Form.",
    "intake.error.envelope": 'Erwartet wird ein JSON-Objekt der Form {"data": {…}}.',
    "intake.error.idempotencyKey":
      "Bitte senden Sie einen Idempotency-Key (8 bis 200 druckbare Zeichen, z. B. eine UUID).",
    "intake.error.tooLarge": "Die Anfrage ist zu groß (höchstens {max} Bytes).",
    "intake.error.rateLimited":
      "Zu viele Anfragen mit diesem Schlüssel. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
    "intake.apiKeys": "API-Schlüssel",
    "intake.apiKeys.intro":
      "Schlüssel für andere Portale und Scanstellen, die Anträge über die JSON-Schnittstelle einreichen.",
    "intake.apiKeys.lead":
      "Mit einem API-Schlüssel reichen andere Portale und Scanstellen Anträge für Ihre veröffentlichten Dienste über die JSON-Schnittstelle ein. Jeder Schlüssel wird nur einmal angezeigt; gespeichert wird nur ein Prüfwert.",
    "intake.apiKeys.docs": "Beschreibung der Schnittstelle (OpenAPI)",
    "intake.apiKeys.none": "Es gibt noch keine API-Schlüssel.",
    "intake.apiKeys.name": "Bezeichnung",
    "intake.apiKeys.name.hint": "Wofür ist der Schlüssel? Zum Beispiel „Scanstelle Rathaus“.",
    "intake.apiKeys.created": "Angelegt",
    "intake.apiKeys.createdBy": "von {name}",
    "intake.apiKeys.lastUsed": "Zuletzt benutzt",
    "intake.apiKeys.never": "nie",
    "intake.apiKeys.status": "Status",
    "intake.apiKeys.active": "aktiv",
    "intake.apiKeys.revokedAt": "widerrufen am {date}",
    "intake.apiKeys.actions": "Aktionen",
    "intake.apiKeys.revoke": "Widerrufen",
    "intake.apiKeys.new": "Neuer Schlüssel",
    "intake.apiKeys.create": "Schlüssel anlegen",
    "intake.apiKeys.shownOnce.title": "Schlüssel „{name}“ angelegt",
    "intake.apiKeys.shownOnce":
      "Kopieren Sie den Schlüssel jetzt und geben Sie ihn sicher weiter. Er wird nur dieses eine Mal angezeigt und kann nicht wiederhergestellt werden.",
    "intake.apiKeys.yourKey": "Ihr API-Schlüssel",
    "intake.apiKeys.usage": "So wird er benutzt:",
    "intake.apiKeys.toList": "Zur Liste der API-Schlüssel",
    "intake.apiKeys.revoked":
      "Der Schlüssel wurde widerrufen. Er funktioniert ab sofort nicht mehr.",
    "intake.apiKeys.error.nameRequired": "Bitte geben Sie eine Bezeichnung ein.",
    "intake.apiKeys.error.nameTooLong": "Bitte geben Sie höchstens 100 Zeichen ein.",
  },
  en: {
    "intake.error.unauthorized":
      "Please authenticate with a valid API key of the municipality (Authorization: Bearer …).",
    "intake.error.unsupportedMediaType": "Please send the application as application/json.",
    "intake.error.malformedJson": "The body is not valid JSON.",
    "intake.error.serviceNotFound": "The municipality offers no such online service.",
    "intake.error.badRequest": "The request does not have the expected shape.",
    "intake.error.envelope": 'Expected a JSON object of the form {"data": {…}}.',
    "intake.error.idempotencyKey":
      "Please send an Idempotency-Key (8 to 200 printable characters, e.g. a UUID).",
    "intake.error.tooLarge": "The request is too large (at most {max} bytes).",
    "intake.error.rateLimited":
      "Too many requests with this key. Please retry in {seconds} seconds.",
    "intake.apiKeys": "API keys",
    "intake.apiKeys.intro":
      "Keys for other portals and scanning centres that submit applications through the JSON API.",
    "intake.apiKeys.lead":
      "With an API key, other portals and scanning centres submit applications for your published services through the JSON API. Each key is shown only once; only a check value is stored.",
    "intake.apiKeys.docs": "API description (OpenAPI)",
    "intake.apiKeys.none": "There are no API keys yet.",
    "intake.apiKeys.name": "Name",
    "intake.apiKeys.name.hint": "What is the key for? For example “Town hall scanning centre”.",
    "intake.apiKeys.created": "Created",
    "intake.apiKeys.createdBy": "by {name}",
    "intake.apiKeys.lastUsed": "Last used",
    "intake.apiKeys.never": "never",
    "intake.apiKeys.status": "Status",
    "intake.apiKeys.active": "active",
    "intake.apiKeys.revokedAt": "revoked on {date}",
    "intake.apiKeys.actions": "Actions",
    "intake.apiKeys.revoke": "Revoke",
    "intake.apiKeys.new": "New key",
    "intake.apiKeys.create": "Create key",
    "intake.apiKeys.shownOnce.title": "Key “{name}” created",
    "intake.apiKeys.shownOnce":
      "Copy the key now and pass it on securely. It is shown this one time only and cannot be recovered.",
    "intake.apiKeys.yourKey": "Your API key",
    "intake.apiKeys.usage": "How to use it:",
    "intake.apiKeys.toList": "Back to the API keys",
    "intake.apiKeys.revoked": "The key was revoked. It stops working at once.",
    "intake.apiKeys.error.nameRequired": "Please enter a name.",
    "intake.apiKeys.error.nameTooLong": "Please enter at most 100 characters.",
  },
});
