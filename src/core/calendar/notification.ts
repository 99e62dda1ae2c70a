import { type Bundesland, nextWorkingDayFrom } from "./calendar.ts";
import { addDays, germanDate, type IsoDate } from "./dates.ts";

/**
 * When a notice counts as notified (Bekanntgabe), the date every remedy period runs from.
 *
 * - Provided for retrieval (postbox, link by e-mail): the day after the retrieval
 *   (§ 41 Abs. 2a Satz 1 VwVfG).
 * - Sent by post within Germany: the fourth day after posting (§ 41 Abs. 2 Satz 1 VwVfG as
 *   amended by the Postrechtsmodernisierungsgesetz, in force since 1 January 2025). A fourth day
 *   on a Saturday, Sunday or public holiday of the Land moves to the next working day — the
 *   reading of the courts for the parallel § 122 AO, and the later, never the earlier, date.
 */
export function notifiedAfterRetrieval(retrievedAt: Date): IsoDate {
  return addDays(germanDate(retrievedAt), 1);
}

export function notifiedAfterPosting(postedOn: IsoDate, land: Bundesland): IsoDate {
  return nextWorkingDayFrom(addDays(postedOn, 4), land);
}

/**
 * The last day a notice provided for retrieval may be retrieved: ten days after the notification
 * about it was sent. Not retrieved by then, the provision ends and the notice must be notified
 * another way (§ 41 Abs. 2a Satz 2 und 3 VwVfG).
 */
export function retrievalDeadline(notifiedAt: Date): IsoDate {
  return addDays(germanDate(notifiedAt), 10);
}
