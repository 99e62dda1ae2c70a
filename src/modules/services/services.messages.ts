import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "services.error.notPublishable":
      "Der Dienst kann nicht veröffentlicht werden: {count} Fehler, der erste bei {first}: {finding}",
  },
  en: {
    "services.error.notPublishable":
      "The service cannot be published: {count} errors, the first at {first}: {finding}",
  },
});
