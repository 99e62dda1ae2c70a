import Holidays from "date-holidays";
import { addDays, addMonths, type IsoDate, weekday } from "./dates.ts";

/** The sixteen German Länder by their ISO 3166-2 codes without `DE-`. */
export const BUNDESLAENDER = [
  "BB",
  "BE",
  "BW",
  "BY",
  "HB",
  "HE",
  "HH",
  "MV",
  "NI",
  "NW",
  "RP",
  "SH",
  "SL",
  "SN",
  "ST",
  "TH",
] as const;

/** A Bundesland code, e.g. `BY`, `SN`, `BE`. */
export type Bundesland = (typeof BUNDESLAENDER)[number];

/** A period from a definition: calendar months and/or days, or working days. */
export type Period = { months?: number; days?: number; workingDays?: boolean };

const holidayDates = new Map<string, Map<string, string>>();
const calendars = new Map<Bundesland, Holidays>();

/**
 * The public holidays of a Land in a year, date -> name. Only holidays of type
 * `public` count (not bank days like Heiligabend, nor regional ones such as Mariä
 * Himmelfahrt in parts of Bayern, which date-holidays keeps in sub-regions).
 */
export function publicHolidays(year: number, land: Bundesland): ReadonlyMap<IsoDate, string> {
  const key = `${land}:${year}`;
  let dates = holidayDates.get(key);
  if (!dates) {
    let calendar = calendars.get(land);
    if (!calendar) {
      calendar = new Holidays("DE", land, { languages: ["de"] });
      calendars.set(land, calendar);
    }
    dates = new Map();
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type === "public") dates.set(holiday.date.slice(0, 10), holiday.name);
    }
    holidayDates.set(key, dates);
  }
  return dates;
}

/** The name of the public holiday on a date in a Land, if it is one. */
export function holidayName(date: IsoDate, land: Bundesland): string | undefined {
  return publicHolidays(Number(date.slice(0, 4)), land).get(date);
}

/** Whether a date is a working day: Monday to Friday and not a public holiday of the Land. */
export function isWorkingDay(date: IsoDate, land: Bundesland): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && holidayName(date, land) === undefined;
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDayFrom(date: IsoDate, land: Bundesland): IsoDate {
  let current = date;
  while (!isWorkingDay(current, land)) current = addDays(current, 1);
  return current;
}

/** The date `count` working days after `date` (not counting `date` itself). */
export function addWorkingDays(date: IsoDate, count: number, land: Bundesland): IsoDate {
  let current = date;
  for (let left = count; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, land)) left--;
  }
  return current;
}

/**
 * The last day of a deadline that starts with an event on `start`. Following
 * § 31 VwVfG with §§ 187, 188 BGB, the day of the event does not count, and a
 * deadline that would end on a Saturday, Sunday or public holiday ends on the next
 * working day. A deadline in months ends on the day of the last month with the same
 * number as the start day (§ 188 (2), (3) BGB). Working-day deadlines count working
 * days only.
 */
export function deadlineEnd(start: IsoDate, period: Period, land: Bundesland): IsoDate {
  if (period.workingDays) return addWorkingDays(start, period.days ?? 0, land);
  const afterMonths = period.months ? addMonths(start, period.months) : start;
  return nextWorkingDayFrom(addDays(afterMonths, period.days ?? 0), land);
}
