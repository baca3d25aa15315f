/**
 * The platform's small-number rule: figures about few people are shown as `c` (confidential), so
 * nobody outside the programme team can pick out what one practitioner answered. Administrators
 * see raw figures; everything LA-facing goes through these functions.
 *
 * Only primary suppression is done here, one figure at a time. Secondary suppression (hiding a
 * further cell of a row or column so that a hidden one cannot be worked out from a total) needs
 * the whole table, so it will be a function of the table, taking the rows after
 * `suppressCount` and returning them with the extra cells hidden; it arrives with the LA
 * dashboards, the first tables with totals.
 */

/** What a suppressed figure is shown as. */
export const SUPPRESSED = 'c'
export type Suppressed = typeof SUPPRESSED

/** The smallest count shown: counts from 1 to `MIN_SHOWN_COUNT - 1` become `c` (0 stays 0). */
export const MIN_SHOWN_COUNT = 5

/** The fewest people a share, mean or change may be computed from before it is shown. */
export const MIN_PEOPLE_FOR_FIGURE = 10

/** A count as shown outside the programme team: 1 to 4 become `c`; 0 and 5 or more are shown. */
export function suppressCount(count: number): number | Suppressed {
  return count > 0 && count < MIN_SHOWN_COUNT ? SUPPRESSED : count
}

/**
 * A share, mean or change computed from `people` people, as shown outside the programme team:
 * `c` when fewer than `MIN_PEOPLE_FOR_FIGURE`; `null` (no figure: nobody answered) stays `null`.
 */
export function suppressFigure(value: number | null, people: number): number | Suppressed | null {
  if (value === null) return null
  return people < MIN_PEOPLE_FOR_FIGURE ? SUPPRESSED : value
}
