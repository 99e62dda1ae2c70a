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
    "casework.stats.title": "Statistik",
    "casework.stats.lead":
      "Kennzahlen je Online-Dienst: Vorgänge nach Status, Eingänge der letzten zwölf Wochen, Bearbeitungsdauer vom Eingang bis zum abschließenden Status und überfällige Vorgänge.",
    "casework.stats.csv": "Als CSV-Datei herunterladen (für Excel)",
    "casework.stats.empty": "Es sind noch keine Online-Dienste veröffentlicht.",
    "casework.stats.none": "keine Angabe",
    "casework.stats.total": "Vorgänge insgesamt",
    "casework.stats.median": "Bearbeitungsdauer (Median)",
    "casework.stats.p90": "Bearbeitungsdauer (90 % der Vorgänge höchstens)",
    "casework.stats.days": "{n} Tage",
    "casework.stats.overdue": "Frist überschritten",
    "casework.stats.byStatus": "{service}: Vorgänge nach Status",
    "casework.stats.status": "Status",
    "casework.stats.count": "Anzahl",
    "casework.stats.perWeek": "Eingänge je Woche",
    "casework.stats.perWeekTable": "{service}: Eingänge je Woche",
    "casework.stats.chartTitle":
      "{service}: Eingänge je Woche als Balkendiagramm; die Zahlen stehen in der Tabelle darunter.",
    "casework.stats.week": "Woche",
    "casework.stats.weekOf": "Woche ab {date}",
    "casework.stats.csv.service": "Dienst",
    "casework.stats.csv.figure": "Kennzahl",
    "casework.stats.csv.key": "Status oder Woche",
    "casework.stats.csv.value": "Wert",
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
    "casework.stats.title": "Statistics",
    "casework.stats.lead":
      "Figures per online service: cases by status, applications received in the last twelve weeks, processing time from receipt to the final status, and overdue cases.",
    "casework.stats.csv": "Download as CSV file (for Excel)",
    "casework.stats.empty": "No online services have been published yet.",
    "casework.stats.none": "not available",
    "casework.stats.total": "Cases in total",
    "casework.stats.median": "Processing time (median)",
    "casework.stats.p90": "Processing time (90 % of cases at most)",
    "casework.stats.days": "{n} days",
    "casework.stats.overdue": "Deadline passed",
    "casework.stats.byStatus": "{service}: cases by status",
    "casework.stats.status": "Status",
    "casework.stats.count": "Number",
    "casework.stats.perWeek": "Received per week",
    "casework.stats.perWeekTable": "{service}: received per week",
    "casework.stats.chartTitle":
      "{service}: received per week as a bar chart; the figures are in the table below.",
    "casework.stats.week": "Week",
    "casework.stats.weekOf": "Week from {date}",
    "casework.stats.csv.service": "Service",
    "casework.stats.csv.figure": "Figure",
    "casework.stats.csv.key": "Status or week",
    "casework.stats.csv.value": "Value",
  },
});
