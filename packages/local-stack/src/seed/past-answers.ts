import type { AnswerValue, AttendanceMark, QuestionnaireItem, QuestionnaireTemplate } from '@ey/domain'

/** Deterministic draws in [0, 1): the seed's only source of variety. */
export type Draw = () => number

/** What one person did on last term's register, part by part: mostly there, some late, a few absent. */
export function demoMarks(parts: number, draw: Draw): AttendanceMark[] {
  const roll = draw()
  // An eighth never came; the rest came to every part, now and then late or leaving early.
  if (roll < 0.12) return Array.from({ length: parts }, () => 'absent')
  if (roll < 0.15) return Array.from({ length: parts }, (_, i) => (i === 0 ? 'apologies' : 'present'))
  return Array.from({ length: parts }, () => {
    const mark = draw()
    return mark < 0.08 ? 'late' : mark < 0.11 && parts === 1 ? 'left-early' : 'present'
  })
}

/** One person's ratings before the session, and how much the session moved them. */
export interface DemoRatings {
  before: Record<'confidence' | 'knowledge', number>
  /** The change after the session: up on most, the same on some, down on a few. */
  change: Record<'confidence' | 'knowledge', number>
}

const clamp = (value: number) => Math.min(5, Math.max(1, value))

/** Ratings shaped like the programmes' reports: under half confident (4 or 5) before, most after. */
export function demoRatings(draw: Draw): DemoRatings {
  const before = () => clamp(2 + Math.floor(draw() * 2.2 + draw() * 1.6))
  const change = () => {
    const roll = draw()
    return roll < 0.03 ? -1 : roll < 0.15 ? 0 : roll < 0.7 ? 1 : 2
  }
  return {
    before: { confidence: before(), knowledge: before() },
    change: { confidence: change(), knowledge: change() },
  }
}

const WRITTEN: Record<string, readonly string[]> = {
  hopes: [
    'Practical ideas I can use in the room tomorrow.',
    'How to talk to parents when I am worried about a child.',
    'When to ask the area SENCO for help.',
    'Simple visual supports for our two-year-olds.',
    'More confidence writing SEN support plans.',
  ],
  differently: [
    'Use visual timetables at tidy-up time.',
    'Slow down and give children more time to answer.',
    'Share my observations with parents earlier, with examples.',
    'Set up a quiet corner for children who find the room too loud.',
    'Use the signs we learnt at snack time every day.',
    'Plan small-step targets and review them each half term.',
  ],
  comments: [
    'Really well paced, and the examples felt like our setting.',
    'The twilight time made it possible for me to come.',
    'Would have liked a little longer for questions.',
    'Loved the video clips of real routines.',
    'Clear and practical. Thank you.',
  ],
  changed: [
    'Transitions are calmer since we started using now-and-next boards.',
    'Two children now ask for help with a sign instead of crying.',
    'Parents tell us they use the same words at home.',
    'We spot concerns sooner and talk to families earlier.',
  ],
}
const ANY_TEXT = ['It was helpful.', 'Nothing more to add.', 'Good session.']

function textAnswer(item: QuestionnaireItem, draw: Draw): string | undefined {
  // Most people leave the text boxes empty.
  if (draw() > (item.required ? 1 : 0.45)) return undefined
  const pool = WRITTEN[item.id] ?? ANY_TEXT
  return pool[Math.floor(draw() * pool.length)]
}

/**
 * One person's answers to a template: tagged ratings from their `ratings` (`after` says whether
 * the session's change applies), yes/no mostly yes, a choice at random, text now and then.
 * Answers follow the items, so a template edited later is answered in its own items.
 */
export function demoAnswers(
  template: QuestionnaireTemplate,
  ratings: DemoRatings,
  after: boolean,
  draw: Draw,
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {}
  for (const item of template.items) {
    if (item.type === 'rating') {
      answers[item.id] = item.tag
        ? clamp(ratings.before[item.tag] + (after ? ratings.change[item.tag] : 0))
        : clamp(3 + Math.floor(draw() * 3))
    } else if (item.type === 'yes-no') {
      answers[item.id] = draw() < 0.93
    } else if (item.type === 'choice') {
      answers[item.id] = item.options[Math.floor(draw() * item.options.length)] ?? item.options[0] ?? ''
    } else {
      const text = textAnswer(item, draw)
      if (text) answers[item.id] = text
    }
  }
  return answers
}
