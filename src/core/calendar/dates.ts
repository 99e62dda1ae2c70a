/**
 * Calendar dates as ISO strings (`2025-04-18`). Dates carry no time and no time zone;
 * arithmetic runs on UTC midnights so that no local clock setting can shift a day.
 * ISO date strings compare correctly with `<` and `>`.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date in ISO form (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * The date `months` months after `date`; a day that does not exist in the target month
 * becomes the month's last day (31 January + 1 month = 28/29 February, § 188 (3) BGB).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, "0")}-${pad(targetMonth)}-${pad(targetDay)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

const BERLIN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The last answer, by minute: Berlin's offset is whole hours, so a minute never spans midnight. */
let lastMinute = Number.NaN;
let lastDate = "";

/** The calendar date in Germany at an instant (the authority's local date). */
export function germanDate(instant: Date): IsoDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = BERLIN_DATE.format(instant);
    lastMinute = minute;
  }
  return lastDate;
}

/** Bounds repeat for every submission of a day: resolve each once. */
const resolvedBounds = new Map<string, IsoDate>();

/**
 * Resolves a date bound from a definition (`today`, `today+14d`, `today-18y`,
 * `2025-01-31`) against the given today.
 */
export function resolveDateBound(bound: string, today: IsoDate): IsoDate {
  if (!bound.startsWith("today")) return bound;
  const key = `${bound}@${today}`;
  let resolved = resolvedBounds.get(key);
  if (resolved === undefined) {
    if (resolvedBounds.size > 1000) resolvedBounds.clear();
    resolved = computeDateBound(bound, today);
    resolvedBounds.set(key, resolved);
  }
  return resolved;
}

function computeDateBound(bound: string, today: IsoDate): IsoDate {
  if (bound === "today") return today;
  const sign = bound[5] === "-" ? -1 : 1;
  const amount = sign * Number(bound.slice(6, -1));
  const unit = bound.slice(-1);
  if (unit === "d") return addDays(today, amount);
  return addMonths(today, unit === "y" ? amount * 12 : amount);
}

const GERMAN_MONTHS = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
];

/** An ISO date as German letters write it out: `2026-12-22` -> `22. Dezember 2026`. */
export function dateInWords(date: IsoDate): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${day}. ${GERMAN_MONTHS[month - 1]} ${year}`;
}
