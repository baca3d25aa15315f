import type { YesNoMeasure } from '../schemas/questionnaire.ts'
import type { Distribution, RatingResult, ResponseKindKey, Results } from './results.ts'
import { type Suppressed, suppressCount, suppressFigure } from './small-numbers.ts'

/** A count or figure as shown: the number, `c` when suppressed, `null` when there is none. */
export type Shown<T extends number | null> = T | Suppressed

/** One rating as shown. */
export interface PresentedRating {
  itemId: string
  tag: RatingResult['tag']
  text: string
  n: Shown<number>
  meanBefore: Shown<number | null>
  meanAfter: Shown<number | null>
  meanChange: Shown<number | null>
  share45Before: Shown<number | null>
  share45After: Shown<number | null>
  distributionBefore: Shown<number>[]
  distributionAfter: Shown<number>[]
}

/** The results as shown to a reader: raw, or with the small-number rule applied. */
export interface PresentedResults {
  responses: Record<'pre' | 'post' | 'followUp' | 'matched' | 'invited', Shown<number>>
  answerable: Record<ResponseKindKey, Shown<number>>
  responseRates: Record<ResponseKindKey, Shown<number | null>>
  ratings: PresentedRating[]
  followUpRatings: PresentedRating[]
  usefulShare: Shown<number | null>
  informativeShare: Shown<number | null>
  recommendShare: Shown<number | null>
  yesNoAnswered: Record<YesNoMeasure, Shown<number>>
}

function mapValues<K extends string, V, W>(record: Record<K, V>, map: (value: V, key: K) => W): Record<K, W> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, map(value as V, key as K)]),
  ) as Record<K, W>
}

function presentRating(rating: RatingResult): PresentedRating {
  const figure = (value: number | null) => suppressFigure(value, rating.n)
  const counts = (distribution: Distribution) => distribution.map(suppressCount)
  return {
    ...rating,
    n: suppressCount(rating.n),
    meanBefore: figure(rating.meanBefore),
    meanAfter: figure(rating.meanAfter),
    meanChange: figure(rating.meanChange),
    share45Before: figure(rating.share45Before),
    share45After: figure(rating.share45After),
    distributionBefore: counts(rating.distributionBefore),
    distributionAfter: counts(rating.distributionAfter),
  }
}

/**
 * The results for a reader: administrators and the session's own trainers see raw figures
 * (`suppress: false`); anything LA-facing passes `suppress: true`, so counts of 1 to 4 and every
 * figure from fewer than 10 people show as `c`. A rate is judged on the bookings that could
 * answer, a rating's figures on its matched pairs, a yes/no share on those who answered it.
 */
export function presentResults(results: Results, options: { suppress: boolean }): PresentedResults {
  if (!options.suppress) return results
  return {
    responses: mapValues(results.responses, suppressCount),
    answerable: mapValues(results.answerable, suppressCount),
    responseRates: mapValues(results.responseRates, (rate, kind) =>
      suppressFigure(rate, results.answerable[kind]),
    ),
    ratings: results.ratings.map(presentRating),
    followUpRatings: results.followUpRatings.map(presentRating),
    usefulShare: suppressFigure(results.usefulShare, results.yesNoAnswered.useful),
    informativeShare: suppressFigure(results.informativeShare, results.yesNoAnswered.informative),
    recommendShare: suppressFigure(results.recommendShare, results.yesNoAnswered.recommend),
    yesNoAnswered: mapValues(results.yesNoAnswered, suppressCount),
  }
}
