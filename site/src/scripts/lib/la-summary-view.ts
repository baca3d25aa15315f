import type { AreaTotals, LaSummary } from '@ey/contract'
import { labelOf, ROLE_LABELS, SETTING_TYPE_LABELS, TOPIC_LABELS } from '@ey/presentation'
import type { BarGroup } from '../../lib/charts.ts'
import { h } from './dom.ts'
import { chart, type Figure, shown, table } from './figures.ts'
import { resultsSections } from './results-view.ts'

// The API's days and months are calendar dates already (London's): written at noon UTC, no zone moves them.
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A London day (`2026-09-01`) in words: `1 September 2026`. */
export function dayInWords(day: string): string {
  return dayFormat.format(new Date(`${day}T12:00:00Z`))
}

/** A month (`2026-10`) in words: `October 2026`. */
function monthInWords(month: string): string {
  return monthFormat.format(new Date(`${month}-15T12:00:00Z`))
}

const TOTALS = [
  ['bookings', 'Places booked'],
  ['attended', 'Attended'],
  ['noShows', 'Did not attend (no-show)'],
  ['lateCancellations', 'Cancelled late'],
  ['people', 'Different people'],
  ['settings', 'Different settings'],
] as const

const heading = (text: string) => h('h2', { class: 'govuk-heading-m' }, text)
const para = (text: string) => h('p', { class: 'govuk-body' }, text)

/** An area's figure; `null` is a distinct count the aggregates keep per academic year only. */
const areaFigure = (value: Figure) => (value === null ? 'not counted' : shown(value))

/** The biggest figure shown, so the longest bar fills the chart (1 when all are hidden or 0). */
const maxOf = (values: Figure[]) => Math.max(1, ...values.map((v) => (typeof v === 'number' ? v : 0)))

function totals(summary: LaSummary): HTMLElement[] {
  const { la, region, england } = summary
  const areas: AreaTotals[] = [region.totals, england.totals]
  const yearOnly = areas.some((area) => area.people === null || area.settings === null)
  const figures = table(
    `Take-up in ${la.name}, its region (${region.name}) and England`,
    ['Figure', la.name, 'Region', 'England'],
    TOTALS.map(([key, label]) => [
      label,
      shown(summary.totals[key]),
      areaFigure(region.totals[key]),
      areaFigure(england.totals[key]),
    ]),
  )
  // Four columns of figures fit a phone only in GOV.UK's smaller table text.
  figures.querySelector('table')?.classList.add('govuk-table--small-text-until-tablet')
  return [
    heading('Totals'),
    figures,
    para(
      'A place booked is one that was confirmed, attended, missed (no-show) or cancelled late; a place given back in time is not counted. People are counted once each, by email address; settings once each, by Ofsted URN where given, otherwise by name, and homes not at all.',
    ),
    yearOnly
      ? para(
          'Different people and settings of the region and England are not counted for this period: they are counted for a whole academic year (1 September to 31 August) only, so they are shown when the period is exactly one academic year.',
        )
      : null,
  ].filter((element): element is HTMLElement => element !== null)
}

/** A chart of places booked and attended per row, then its figures as a table. */
function bookedAndAttended(
  caption: string,
  head: string,
  rows: { label: string; bookings: Figure; attended: Figure }[],
): HTMLElement[] {
  if (rows.length === 0) return [para('No places were booked in this period.')]
  const groups: BarGroup[] = rows.map((row) => ({
    label: row.label,
    bars: [
      { label: 'Places booked', value: row.bookings, series: 0 },
      { label: 'Attended', value: row.attended, series: 1 },
    ],
  }))
  const max = maxOf(rows.flatMap((row) => [row.bookings, row.attended]))
  return [
    chart(groups, max, ''),
    table(
      caption,
      [head, 'Places booked', 'Attended'],
      rows.map((row) => [row.label, shown(row.bookings), shown(row.attended)]),
    ),
  ]
}

function takeUp(summary: LaSummary): HTMLElement[] {
  return [
    heading('Take-up by month'),
    ...bookedAndAttended(
      'Places booked and attended, by the month the session started',
      'Month',
      summary.byMonth.map((row) => ({ ...row, label: monthInWords(row.month) })),
    ),
    heading('Take-up by course'),
    ...bookedAndAttended(
      'Places booked and attended, by course',
      'Course',
      summary.byCourse.map((row) => ({ ...row, label: row.title })),
    ),
  ]
}

function whoTookPart(summary: LaSummary): HTMLElement[] {
  return [
    heading('By topic, role and type of setting'),
    table(
      'Places booked and attended, by topic',
      ['Topic', 'Places booked', 'Attended'],
      summary.byTopic.map((row) => [
        labelOf(TOPIC_LABELS, row.topic),
        shown(row.bookings),
        shown(row.attended),
      ]),
    ),
    para(
      'A course can have more than one topic, and its places count under each, so topics do not add up to the total.',
    ),
    table(
      'People, by role',
      ['Role', 'People'],
      summary.byRole.map((row) => [labelOf(ROLE_LABELS, row.role), shown(row.people)]),
    ),
    table(
      'People, by type of setting',
      ['Type of setting', 'People'],
      summary.bySettingType.map((row) => [labelOf(SETTING_TYPE_LABELS, row.settingType), shown(row.people)]),
    ),
    para('Each person counts once, under the role and setting type of their latest booking in the period.'),
  ]
}

function demand(summary: LaSummary): HTMLElement[] {
  const { waiting, openAlerts, byCourse } = summary.demand
  return [
    heading('Demand'),
    para(`People on a waiting list (or offered a place) for sessions in this period: ${shown(waiting)}.`),
    para(`Open alerts asking to hear of a new date, whenever they were made: ${shown(openAlerts)}.`),
    byCourse.length === 0
      ? para('Nobody from this local authority is waiting for a course or has an open alert.')
      : table(
          'People waiting and open alerts, by course',
          ['Course', 'Waiting', 'Open alerts'],
          byCourse.map((row) => [row.title, shown(row.waiting), shown(row.openAlerts)]),
        ),
  ]
}

/** Every section of an LA's summary, in the order the dashboard shows them. */
export function laSummarySections(summary: LaSummary): HTMLElement[] {
  return [
    ...totals(summary),
    ...takeUp(summary),
    ...whoTookPart(summary),
    para(
      `The questionnaire figures that follow are the answers of the people of ${summary.la.name} who booked in this period.`,
    ),
    ...resultsSections(summary.results),
    ...demand(summary),
  ]
}
