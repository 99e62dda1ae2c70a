import { type Bundesland, nextWorkingDayFrom } from "./calendar.ts";
import { addDays, germanDate, type IsoDate } from "./dates.ts";

/**
 * When a notice counts as notified (Bekanntgabe), the date every remedy period runs from.
 *
 * - Provided for retrieval (postbox, link by e-mail): the day after the retrieval
 *   (§ 41 Abs. 2a Satz 1 VwVfG).
 * - Sent by post within Germany: the fourth day after posting (§ 41 Abs. 2 Satz 1 VwVfG as
 *   amended by the Postrechtsmodernisierungsgesetz, in force since 1 January 2025). A
 *   municipality acts under its Land's procedure act, and the Länder whose acts do not simply
 *   refer to the federal one adopted the fourth day at different times: where the Land's act
 *   still says the third day, the municipality sets `postalDays` to 3 (settings page). The day
 *   on a Saturday, Sunday or public holiday of the Land moves to the next working day — the
 *   reading of the courts for the parallel § 122 AO, and the later, never the earlier, date.
 */
export function notifiedAfterRetrieval(retrievedAt: Date): IsoDate {
  return addDays(germanDate(retrievedAt), 1);
}

export function notifiedAfterPosting(
  postedOn: IsoDate,
  land: Bundesland,
  postalDays: PostalDays = 4,
): IsoDate {
  return nextWorkingDayFrom(addDays(postedOn, postalDays), land);
}

/** After how many days a posted notice counts as notified: 4 (federal law since 2025) or 3. */
export type PostalDays = 3 | 4;
export const POSTAL_DAYS: readonly PostalDays[] = [4, 3];

/**
 * The last day a notice provided for retrieval may be retrieved: ten days after the notification
 * about it was sent. Not retrieved by then, the provision ends and the notice must be notified
 * another way (§ 41 Abs. 2a Satz 2 und 3 VwVfG).
 */
export function retrievalDeadline(notifiedAt: Date): IsoDate {
  return addDays(germanDate(notifiedAt), 10);
}
