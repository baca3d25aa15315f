import {
  ATTENDANCE_MARKS,
  AudienceSchema,
  BOOKING_STATUSES,
  CourseSchema,
  ROLES,
  SETTING_TYPES,
  SessionFormatSchema,
  SessionStatusSchema,
  STAFF_ROLES,
  TOPICS,
} from '@ey/domain'
import {
  ATTENDANCE_MARK_LABELS,
  ATTENDANCE_MARK_OUTCOMES,
  AUDIENCE_LABELS,
  BOOKING_STATUS_LABELS,
  FORMAT_LABELS,
  FORMAT_SHORT_LABELS,
  LEVEL_LABELS,
  labelOf,
  ROLE_LABELS,
  ROLE_SHORT_LABELS,
  SESSION_STATUS_LABELS,
  SETTING_TYPE_LABELS,
  STAFF_ROLE_LABELS,
  TOPIC_LABELS,
} from '@ey/presentation'
import { describe, expect, it } from 'vitest'

// The types already fail the build on a missing code; this also catches a code the domain dropped
// and an empty label, and pins the order the pages offer the choices in (the domain's own).
describe.each([
  ['roles', ROLE_LABELS, ROLES],
  ['roles, short', ROLE_SHORT_LABELS, ROLES],
  ['setting types', SETTING_TYPE_LABELS, SETTING_TYPES],
  ['topics', TOPIC_LABELS, TOPICS],
  ['audiences', AUDIENCE_LABELS, AudienceSchema.options],
  ['levels', LEVEL_LABELS, CourseSchema.shape.level.options],
  ['formats', FORMAT_LABELS, SessionFormatSchema.options],
  ['formats, short', FORMAT_SHORT_LABELS, SessionFormatSchema.options],
  ['session statuses', SESSION_STATUS_LABELS, SessionStatusSchema.options],
  ['booking statuses', BOOKING_STATUS_LABELS, BOOKING_STATUSES],
  ['staff roles', STAFF_ROLE_LABELS, STAFF_ROLES],
  ['attendance marks', ATTENDANCE_MARK_LABELS, ATTENDANCE_MARKS],
  ['attendance marks, as the participant reads them', ATTENDANCE_MARK_OUTCOMES, ATTENDANCE_MARKS],
])('the labels of %s', (_name, labels: Readonly<Record<string, string>>, codes: readonly string[]) => {
  it('label every code of the domain, in its order, and nothing else', () => {
    expect(Object.keys(labels)).toEqual([...codes])
  })

  it('are words', () => {
    for (const label of Object.values(labels)) expect(label).toMatch(/^\S.*\S$/)
  })
})

describe('labelOf', () => {
  it('answers the label of a known code', () => {
    expect(labelOf(FORMAT_SHORT_LABELS, 'hybrid')).toBe('Hybrid')
  })

  it('answers the code itself when the API sends one this build does not know yet', () => {
    expect(labelOf(TOPIC_LABELS, 'new-topic')).toBe('new-topic')
  })
})
