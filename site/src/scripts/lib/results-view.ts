import type { ResultsView } from '@ey/contract'
import type { BarGroup } from '../../lib/charts.ts'
import { h } from './dom.ts'
import { chart, type Figure, shown, table } from './figures.ts'

/** The figures the sections show: a results view, however many sessions it was read from. */
type ResultsFigures = Omit<ResultsView, 'sessions'>
type Rating = ResultsView['ratings'][number]

const KINDS = [
  ['pre', 'Before the session'],
  ['post', 'After the session'],
  ['followUp', 'Six weeks on'],
] as const
const FREE_TEXT_KINDS = { pre: 'Before', post: 'After', 'follow-up': 'Six weeks on' } as const
const TAGS = { confidence: 'Confidence', knowledge: 'Knowledge' } as const

/** A change in mean, signed: `+0.75`, `-0.20`, `0`. */
function signed(value: Figure): string {
  return typeof value === 'number' && value > 0 ? `+${value}` : shown(value)
}

function responses(view: ResultsFigures): HTMLElement[] {
  return [
    h('h2', { class: 'govuk-heading-m' }, 'Responses'),
    table(
      'Questionnaires answered, of the people who could answer each',
      ['Questionnaire', 'Answered', 'Could answer', 'Response rate'],
      KINDS.map(([key, label]) => [
        label,
        shown(view.responses[key]),
        shown(view.answerable[key]),
        shown(view.responseRates[key], '%'),
      ]),
    ),
    h(
      'p',
      { class: 'govuk-body', id: 'matched' },
      `Answered both before and after (matched pairs): ${shown(view.responses.matched)}.`,
    ),
  ]
}

function ratingRows(ratings: Rating[]): string[][] {
  return ratings.map((rating) => [
    TAGS[rating.tag],
    shown(rating.n),
    shown(rating.meanBefore),
    shown(rating.meanAfter),
    signed(rating.meanChange),
    shown(rating.share45Before, '%'),
    shown(rating.share45After, '%'),
  ])
}

const RATING_COLUMNS = [
  'Rating',
  'Matched pairs',
  'Mean before',
  'Mean after',
  'Change',
  'Rated 4 or 5 before',
  'Rated 4 or 5 after',
]

function ratings(view: ResultsFigures): HTMLElement[] {
  if (view.ratings.length === 0) return []
  const shares: BarGroup[] = view.ratings.map((rating) => ({
    label: `${TAGS[rating.tag]}: rated 4 or 5`,
    bars: [
      { label: 'Before', value: rating.share45Before, series: 0 },
      { label: 'After', value: rating.share45After, series: 1 },
    ],
  }))
  return [
    h('h2', { class: 'govuk-heading-m' }, 'Confidence and knowledge, before and after'),
    h(
      'p',
      { class: 'govuk-body' },
      'Only people who answered both before and after the session are counted (matched pairs). Ratings go from 1 (lowest) to 5 (highest).',
    ),
    chart(shares, 100, '%'),
    table('Ratings before and after, on matched pairs', RATING_COLUMNS, ratingRows(view.ratings)),
    ...view.ratings.flatMap(distribution),
  ]
}

function distribution(rating: Rating): HTMLElement[] {
  const counts = [...rating.distributionBefore, ...rating.distributionAfter]
  const max = Math.max(1, ...counts.map((count) => (typeof count === 'number' ? count : 0)))
  const groups: BarGroup[] = [1, 2, 3, 4, 5].map((value, i) => ({
    label: `Rated ${value}`,
    bars: [
      { label: 'Before', value: rating.distributionBefore[i] ?? null, series: 0 },
      { label: 'After', value: rating.distributionAfter[i] ?? null, series: 1 },
    ],
  }))
  return [
    h('h3', { class: 'govuk-heading-s' }, `${TAGS[rating.tag]}: how people rated it`),
    h('p', { class: 'govuk-body' }, rating.text),
    chart(groups, max, ''),
    table(
      `${TAGS[rating.tag]}: how many gave each rating, before and after`,
      ['Rating', 'Before', 'After'],
      [1, 2, 3, 4, 5].map((value, i) => [
        String(value),
        shown(rating.distributionBefore[i] ?? null),
        shown(rating.distributionAfter[i] ?? null),
      ]),
    ),
  ]
}

function followUp(view: ResultsFigures): HTMLElement[] {
  if (view.followUpRatings.length === 0) return []
  return [
    h('h2', { class: 'govuk-heading-m' }, 'Six weeks on'),
    table(
      'Ratings before the session and six weeks on, on matched pairs',
      RATING_COLUMNS,
      ratingRows(view.followUpRatings),
    ),
  ]
}

function yesNo(view: ResultsFigures): HTMLElement[] {
  const rows: [string, Figure, number | 'c'][] = [
    ['Found it useful', view.usefulShare, view.yesNoAnswered.useful],
    ['Found it informative', view.informativeShare, view.yesNoAnswered.informative],
    ['Would recommend it', view.recommendShare, view.yesNoAnswered.recommend],
  ]
  return [
    h('h2', { class: 'govuk-heading-m' }, 'What people said after the session'),
    table(
      'Share answering yes, of those who answered the question',
      ['Question', 'Said yes', 'Answered'],
      rows.map(([label, share, answered]) => [label, shown(share, '%'), shown(answered)]),
    ),
  ]
}

function freeText(view: ResultsFigures): HTMLElement[] {
  if (!view.freeText) return []
  return [
    h('h2', { class: 'govuk-heading-m' }, 'In their own words'),
    view.freeText.length === 0 ? h('p', { class: 'govuk-body' }, 'Nobody has written anything yet.') : null,
    ...view.freeText.flatMap((question) => [
      h('h3', { class: 'govuk-heading-s' }, `${FREE_TEXT_KINDS[question.kind]}: ${question.text}`),
      h(
        'ul',
        { class: 'govuk-list govuk-list--bullet' },
        ...question.answers.map((answer) => h('li', {}, answer)),
      ),
    ]),
  ].filter((element): element is HTMLElement => element !== null)
}

/** The whole of a results view, as the session, course and LA pages show it. */
export function resultsSections(view: ResultsFigures): HTMLElement[] {
  return [...responses(view), ...ratings(view), ...followUp(view), ...yesNo(view), ...freeText(view)]
}
