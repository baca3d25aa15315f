import type {
  QuestionnaireItem,
  QuestionnaireKind,
  QuestionnaireResponse,
  QuestionnaireTemplate,
  RatingTag,
  YesNoMeasure,
} from '../schemas/questionnaire.ts'
import { RatingTagSchema, YesNoMeasureSchema } from '../schemas/questionnaire.ts'

/** What the results are computed from: the responses, the template versions they answered, who could answer. */
export interface ResultsInput {
  responses: readonly QuestionnaireResponse[]
  /** Every template version the responses name; a response whose version is missing counts, but its answers are not read. */
  templates: readonly QuestionnaireTemplate[]
  /** Bookings that could answer each kind (the denominators of the response rates). */
  answerable: Readonly<Record<ResponseKindKey, number>>
}

/** The kinds as keys of the results (`follow-up` written as `followUp`). */
export type ResponseKindKey = 'pre' | 'post' | 'followUp'

/** How many rated 1, 2, 3, 4 and 5. */
export type Distribution = [number, number, number, number, number]

/** One tagged rating before and after, on matched pairs only. */
export interface RatingResult {
  /** The rating item as worded in the latest "after" version among the responses. */
  itemId: string
  tag: RatingTag
  text: string
  /** Matched pairs: bookings that gave this tag's rating both before and after. */
  n: number
  /** Means to two decimals; `null` when there is no pair. */
  meanBefore: number | null
  meanAfter: number | null
  /** Mean of each pair's change, to two decimals (may differ by 0.01 from the difference of the rounded means). */
  meanChange: number | null
  /** Percentages rating 4 or 5 ("felt confident"), to one decimal. */
  share45Before: number | null
  share45After: number | null
  distributionBefore: Distribution
  distributionAfter: Distribution
}

/** The one computation of results, as administrators see it (raw figures). */
export interface Results {
  responses: { pre: number; post: number; followUp: number; matched: number; invited: number }
  /** Bookings that could answer each kind. */
  answerable: Record<ResponseKindKey, number>
  /** Responses as a percentage of `answerable`, to one decimal; `null` when nobody could answer. */
  responseRates: Record<ResponseKindKey, number | null>
  /** Pre against post. */
  ratings: RatingResult[]
  /** Pre against follow-up: whether the change lasted. */
  followUpRatings: RatingResult[]
  /** Percentages of post responses answering yes, to one decimal, among those who answered the item. */
  usefulShare: number | null
  informativeShare: number | null
  recommendShare: number | null
  /** How many post responses answered each yes/no measure (the shares' denominators). */
  yesNoAnswered: Record<YesNoMeasure, number>
}

/**
 * `numerator / denominator` rounded half away from zero to `places` decimals, from integers, so a
 * figure worked out by hand is the figure computed (no binary fraction drifts below a half).
 */
export function roundRatio(numerator: number, denominator: number, places: number): number {
  const factor = 10 ** places
  const rounded = Math.round((Math.abs(numerator) * factor) / denominator) / factor
  return numerator < 0 && rounded > 0 ? -rounded : rounded
}

/** A percentage to one decimal, or `null` of nobody. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : roundRatio(part * 100, whole, 1)
}

type TemplateIndex = ReadonlyMap<string, QuestionnaireTemplate>

function templateOf(templates: TemplateIndex, response: QuestionnaireResponse) {
  return templates.get(`${response.templateId}#${response.version}`)
}

function ratingItem(template: QuestionnaireTemplate | undefined, tag: RatingTag) {
  return template?.items.find(
    (item): item is Extract<QuestionnaireItem, { type: 'rating' }> =>
      item.type === 'rating' && item.tag === tag,
  )
}

/** The response's rating of the tag (its template's first item with that tag), when a whole 1 to 5. */
function ratingOf(templates: TemplateIndex, response: QuestionnaireResponse, tag: RatingTag) {
  const item = ratingItem(templateOf(templates, response), tag)
  const value = item && response.answers[item.id]
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined
}

function byBooking(responses: readonly QuestionnaireResponse[], kind: QuestionnaireKind) {
  return new Map(responses.filter((r) => r.kind === kind).map((r) => [r.bookingId, r]))
}

const RATING_VALUES = [1, 2, 3, 4, 5] as const

/** Each tag's ratings on the bookings that answered both `before` and `after`. */
function compareRatings(
  templates: TemplateIndex,
  before: ReadonlyMap<string, QuestionnaireResponse>,
  after: ReadonlyMap<string, QuestionnaireResponse>,
): RatingResult[] {
  const latestAfter = [...after.values()]
    .map((response) => templateOf(templates, response))
    .filter((template) => template !== undefined)
    .sort((a, b) => b.version - a.version || a.id.localeCompare(b.id))
  return RatingTagSchema.options.flatMap((tag) => {
    const item = latestAfter.map((template) => ratingItem(template, tag)).find((found) => found)
    if (!item) return []
    const pairs = [...after.entries()].flatMap(([bookingId, response]) => {
      const earlier = before.get(bookingId)
      const first = earlier && ratingOf(templates, earlier, tag)
      const second = ratingOf(templates, response, tag)
      return first !== undefined && second !== undefined ? [[first, second] as const] : []
    })
    const n = pairs.length
    const sum = (pick: (pair: readonly [number, number]) => number) =>
      pairs.reduce((total, pair) => total + pick(pair), 0)
    const mean = (total: number) => (n === 0 ? null : roundRatio(total, n, 2))
    const distribution = (pick: (pair: readonly [number, number]) => number) =>
      RATING_VALUES.map((value) => pairs.filter((pair) => pick(pair) === value).length) as Distribution
    return [
      {
        itemId: item.id,
        tag,
        text: item.text,
        n,
        meanBefore: mean(sum(([first]) => first)),
        meanAfter: mean(sum(([, second]) => second)),
        meanChange: mean(sum(([first, second]) => second - first)),
        share45Before: percent(
          sum(([first]) => (first >= 4 ? 1 : 0)),
          n,
        ),
        share45After: percent(
          sum(([, second]) => (second >= 4 ? 1 : 0)),
          n,
        ),
        distributionBefore: distribution(([first]) => first),
        distributionAfter: distribution(([, second]) => second),
      },
    ]
  })
}

/** Of the responses answering the measure's yes/no item, how many answered and how many said yes. */
function yesNo(templates: TemplateIndex, responses: Iterable<QuestionnaireResponse>, measure: YesNoMeasure) {
  let answered = 0
  let yes = 0
  for (const response of responses) {
    const item = templateOf(templates, response)?.items.find(
      (candidate) => candidate.type === 'yes-no' && candidate.measure === measure,
    )
    const value = item && response.answers[item.id]
    if (typeof value !== 'boolean') continue
    answered += 1
    if (value) yes += 1
  }
  return { answered, yes }
}

/**
 * The one computation of questionnaire results, used for a session, a course, an LA, a region or
 * England over any period (the caller chooses the responses). Ratings pair by tag between a
 * booking's pre response and its post (or follow-up) response; a form without the rating, or
 * without its other half, is left out of before and after. Raw figures: what others see goes
 * through `presentResults`.
 */
export function computeResults(input: ResultsInput): Results {
  const templates: TemplateIndex = new Map(input.templates.map((t) => [`${t.id}#${t.version}`, t]))
  const pre = byBooking(input.responses, 'pre')
  const post = byBooking(input.responses, 'post')
  const followUp = byBooking(input.responses, 'follow-up')
  const counts: Record<ResponseKindKey, number> = { pre: pre.size, post: post.size, followUp: followUp.size }
  const shares = Object.fromEntries(
    YesNoMeasureSchema.options.map((measure) => [measure, yesNo(templates, post.values(), measure)]),
  ) as Record<YesNoMeasure, { answered: number; yes: number }>
  const rate = (key: ResponseKindKey) => percent(counts[key], input.answerable[key])
  return {
    responses: {
      ...counts,
      matched: [...post.keys()].filter((bookingId) => pre.has(bookingId)).length,
      invited: input.answerable.pre,
    },
    answerable: { ...input.answerable },
    responseRates: { pre: rate('pre'), post: rate('post'), followUp: rate('followUp') },
    ratings: compareRatings(templates, pre, post),
    followUpRatings: compareRatings(templates, pre, followUp),
    usefulShare: percent(shares.useful.yes, shares.useful.answered),
    informativeShare: percent(shares.informative.yes, shares.informative.answered),
    recommendShare: percent(shares.recommend.yes, shares.recommend.answered),
    yesNoAnswered: {
      useful: shares.useful.answered,
      informative: shares.informative.answered,
      recommend: shares.recommend.answered,
    },
  }
}
