import type { CourseView } from '@ey/contract'
import { AUDIENCE_LABELS, LEVEL_LABELS, labelOf } from '@ey/presentation'
import { summaryList } from './dom.ts'

/** Who a course is for, its level and what it counts for, as a summary list. */
export function courseAudience(course: CourseView): HTMLElement {
  return summaryList([
    ['Audience', labelOf(AUDIENCE_LABELS, course.audience)],
    ['Level', labelOf(LEVEL_LABELS, course.level)],
    ['Accreditation', course.accreditation],
    ['CPD hours', String(course.cpdHours)],
  ])
}
