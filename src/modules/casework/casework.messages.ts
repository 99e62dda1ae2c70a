import { registerMessages } from "../../platform/i18n/index.ts";

registerMessages({
  de: {
    "casework.mail.followUp.subject": "Wiedervorlage fällig: {reference}",
    "casework.mail.followUp.body":
      "Der Vorgang {reference} ({tenant}) liegt seit dem {date} zur Wiedervorlage vor.\n\n{link}\n",
    "casework.mail.deadline.subject": "Frist überschritten: {reference}",
    "casework.mail.deadline.body":
      "Die Frist des Vorgangs {reference} ({tenant}) ist am {date} abgelaufen.\n\n{link}\n",
    "casework.back": "Zurück zum Vorgang",
    "casework.followUp.title": "Wiedervorlage setzen",
    "casework.followUp.lead":
      "Vorgang {reference}. An diesem Tag erscheint der Vorgang unter „Wiedervorlage fällig“ und die Zuständigen erhalten eine E-Mail.",
    "casework.followUp.current": "Aktuelle Wiedervorlage: {date}",
    "casework.followUp.date": "Datum der Wiedervorlage",
    "casework.followUp.date.hint":
      "Zum Beispiel 15.03.2027. Fällt der Tag auf ein Wochenende oder einen Feiertag, gilt der nächste Arbeitstag.",
    "casework.followUp.save": "Wiedervorlage speichern",
    "casework.followUp.saved": "Die Wiedervorlage ist gespeichert.",
    "casework.error.date": "Bitte geben Sie ein gültiges Datum an, zum Beispiel 15.03.2027.",
    "casework.error.dateFuture": "Das Eingangsdatum darf nicht in der Zukunft liegen.",
    "casework.error.stale":
      "Der Vorgang wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand.",
  },
  en: {
    "casework.mail.followUp.subject": "Follow-up due: {reference}",
    "casework.mail.followUp.body":
      "Case {reference} ({tenant}) has been due for follow-up since {date}.\n\n{link}\n",
    "casework.mail.deadline.subject": "Deadline passed: {reference}",
    "casework.mail.deadline.body":
      "The deadline of case {reference} ({tenant}) ran out on {date}.\n\n{link}\n",
    "casework.back": "Back to the case",
    "casework.followUp.title": "Set follow-up",
    "casework.followUp.lead":
      "Case {reference}. On this day the case appears under “Follow-ups due” and the people responsible get an e-mail.",
    "casework.followUp.current": "Current follow-up: {date}",
    "casework.followUp.date": "Follow-up date",
    "casework.followUp.date.hint":
      "For example 15.03.2027. A weekend or public holiday moves to the next working day.",
    "casework.followUp.save": "Save follow-up",
    "casework.followUp.saved": "The follow-up is saved.",
    "casework.error.date": "Please enter a valid date, for example 15.03.2027.",
    "casework.error.dateFuture": "The date received must not be in the future.",
    "casework.error.stale":
      "Someone else has changed the case in the meantime. Please reload the page and check its current state.",
  },
});
