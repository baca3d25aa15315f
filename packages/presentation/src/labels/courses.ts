import type { Course, Topic } from '@ey/domain'

// `satisfies` fails the build when the domain gains a code without a label; type-only imports
// keep zod out of the pages.

/** A course's topic. */
export const TOPIC_LABELS = {
  'communication-and-language': 'Communication and language',
  autism: 'Autism',
  signing: 'Signing (Makaton)',
  transition: 'Transition to school',
  'working-with-families': 'Working with families',
  'whole-setting-send': 'Whole-setting SEND',
  accredited: 'Accredited courses',
} as const satisfies Record<Topic, string>

/** Who a course is for. */
export const AUDIENCE_LABELS = {
  practitioners: 'Early years practitioners',
  'parents-and-carers': 'Parents and carers',
  all: 'Early years practitioners, parents and carers',
} as const satisfies Record<Course['audience'], string>

/** A course's level. */
export const LEVEL_LABELS = {
  introductory: 'Introductory',
  core: 'Core',
  'in-depth': 'In depth',
  'level-3': 'Level 3',
} as const satisfies Record<Course['level'], string>
