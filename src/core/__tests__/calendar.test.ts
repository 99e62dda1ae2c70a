import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Bundesland, deadlineEnd, holidayName, isWorkingDay } from "../calendar/calendar.ts";
import { addMonths, germanDate, resolveDateBound } from "../calendar/dates.ts";
import { notifiedAfterPosting } from "../calendar/notification.ts";
import { readFixture } from "./helpers.ts";

type Cases = {
  deadlines: {
    name: string;
    land: Bundesland;
    start: string;
    days?: number;
    months?: number;
    workingDays?: boolean;
    end: string;
  }[];
  workingDays: { date: string; land: Bundesland; working: boolean }[];
  germanDates: { instant: string; date: string }[];
  months: { date: string; months: number; result: string }[];
};
const cases = readFixture<Cases>("calendar-cases.json");

describe("deadlineEnd (§ 31 VwVfG; table: calendar-cases.json)", () => {
  for (const c of cases.deadlines) {
    const period = c.months
      ? `${c.months} months`
      : `${c.days}${c.workingDays ? " working" : ""} days`;
    it(`${c.name}: ${c.start} + ${period} in ${c.land}`, () => {
      const { days, months, workingDays } = c;
      assert.equal(deadlineEnd(c.start, { days, months, workingDays }, c.land), c.end);
    });
  }
});

describe("isWorkingDay", () => {
  for (const c of cases.workingDays) {
    it(`${c.date} in ${c.land} is ${c.working ? "" : "not "}a working day`, () => {
      assert.equal(isWorkingDay(c.date, c.land), c.working);
    });
  }

  it("names the holiday in German", () => {
    assert.equal(holidayName("2025-10-31", "SN"), "Reformationstag");
    assert.equal(holidayName("2025-10-31", "BY"), undefined);
  });
});

describe("dates", () => {
  for (const c of cases.germanDates) {
    it(`the German date at ${c.instant} is ${c.date}`, () => {
      assert.equal(germanDate(new Date(c.instant)), c.date);
    });
  }
  it("dates a posted notice on the fourth day after posting, or the third where the Land says so", () => {
    // Posted on Monday 2 November 2026: Friday the 6th, or Thursday the 5th.
    assert.equal(notifiedAfterPosting("2026-11-02", "ST"), "2026-11-06");
    assert.equal(notifiedAfterPosting("2026-11-02", "ST", 3), "2026-11-05");
    // Posted on Wednesday: the fourth day is a Sunday, so Monday; the third a Saturday, so Monday.
    assert.equal(notifiedAfterPosting("2026-11-04", "ST"), "2026-11-09");
    assert.equal(notifiedAfterPosting("2026-11-04", "ST", 3), "2026-11-09");
    // Reformation Day (31 October) is a holiday in Sachsen-Anhalt, not in Bayern.
    assert.equal(notifiedAfterPosting("2025-10-27", "ST"), "2025-11-03");
    assert.equal(notifiedAfterPosting("2025-10-27", "BY"), "2025-10-31");
  });

  it("answers each instant on its own, also one millisecond either side of midnight in Berlin", () => {
    // germanDate remembers its last answer per minute: neighbours must not share it.
    const seq = [
      ["2026-10-24T21:59:59.999Z", "2026-10-24"],
      ["2026-10-24T22:00:00.000Z", "2026-10-25"],
      ["2026-10-24T21:59:30.000Z", "2026-10-24"],
      ["2026-03-28T22:59:59.999Z", "2026-03-28"],
      ["2026-03-28T23:00:00.000Z", "2026-03-29"],
      ["2026-03-28T23:00:59.999Z", "2026-03-29"],
    ];
    for (const [instant, date] of seq) assert.equal(germanDate(new Date(instant)), date, instant);
    assert.throws(() => germanDate(new Date("kein Datum")), RangeError);
  });
  for (const c of cases.months) {
    it(`${c.date} + ${c.months} months = ${c.result} (§ 188 (3) BGB)`, () => {
      assert.equal(addMonths(c.date, c.months), c.result);
    });
  }
  it("resolves date bounds relative to today", () => {
    assert.equal(resolveDateBound("today-18y", "2024-02-29"), "2006-02-28");
    assert.equal(resolveDateBound("today+14d", "2025-12-25"), "2026-01-08");
    assert.equal(resolveDateBound("2025-01-01", "2030-01-01"), "2025-01-01");
  });
});
