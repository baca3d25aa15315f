import { answerErrors, DEFAULT_TEMPLATES, type QuestionnaireTemplate } from '@ey/domain'
import { describe, expect, it } from 'vitest'

const template: Pick<QuestionnaireTemplate, 'items'> = {
  items: [
    {
      id: 'confidence',
      type: 'rating',
      text: 'Confidence?',
      lowLabel: 'Low',
      highLabel: 'High',
      required: true,
    },
    { id: 'format', type: 'choice', text: 'Format?', options: ['Online', 'In person'], required: true },
    { id: 'useful', type: 'yes-no', text: 'Useful?', required: true },
    { id: 'comments', type: 'text', text: 'Comments?', required: false },
  ],
}
const valid = { confidence: 4, format: 'Online', useful: false, comments: 'Good' }

describe('answerErrors', () => {
  it('accepts answers that fit the version, optional items left out or blank', () => {
    expect(answerErrors(template, valid)).toEqual([])
    expect(answerErrors(template, { ...valid, comments: '  ' })).toEqual([])
    const { comments: _, ...withoutComments } = valid
    expect(answerErrors(template, withoutComments)).toEqual([])
  })

  it.each([
    [
      'a missing required rating',
      { confidence: undefined },
      'answers.confidence',
      'Choose a rating from 1 to 5',
    ],
    ['a rating of 0', { confidence: 0 }, 'answers.confidence', 'Choose a rating from 1 to 5'],
    ['a rating of 6', { confidence: 6 }, 'answers.confidence', 'Choose a rating from 1 to 5'],
    ['a rating of 2.5', { confidence: 2.5 }, 'answers.confidence', 'Choose a rating from 1 to 5'],
    ['a rating as text', { confidence: '4' }, 'answers.confidence', 'Choose a rating from 1 to 5'],
    ['a choice not offered', { format: 'Hybrid' }, 'answers.format', 'Choose one of the options'],
    ['yes-no as text', { useful: 'yes' }, 'answers.useful', 'Choose yes or no'],
    [
      'text over 2000 characters',
      { comments: 'x'.repeat(2001) },
      'answers.comments',
      'Your answer must be 2000 characters or fewer',
    ],
    ['text as a number', { comments: 3 }, 'answers.comments', 'Enter your answer'],
    ['an unknown item', { extra: 'hello' }, 'answers.extra', 'This question is not in the questionnaire'],
  ])('names the item for %s', (_, change, field, message) => {
    const answers = Object.fromEntries(
      Object.entries({ ...valid, ...change }).filter(([, value]) => value !== undefined),
    ) as Record<string, number | string | boolean>
    expect(answerErrors(template, answers)).toEqual([{ field, message }])
  })

  it('accepts 2000 characters of text and every default template answered in full', () => {
    expect(answerErrors(template, { ...valid, comments: 'x'.repeat(2000) })).toEqual([])
    for (const defaults of Object.values(DEFAULT_TEMPLATES)) {
      const answers = Object.fromEntries(
        defaults.items.map((item) => [
          item.id,
          item.type === 'rating' ? 3 : item.type === 'yes-no' ? true : 'Some text',
        ]),
      )
      expect(answerErrors(defaults, answers)).toEqual([])
    }
  })
})
