import type { BookingStatus, Course, Role, SessionFormat, SettingType, Topic } from '@ey/domain'

// Human labels for the domain's codes. Type-only imports keep the domain (and zod) out of the
// browser bundles; `satisfies` makes the build fail when the domain gains a code without a label.

export const ROLE_LABELS = {
  'nursery-practitioner': 'Nursery practitioner',
  'pre-school-practitioner': 'Pre-school practitioner',
  childminder: 'Childminder',
  senco: 'SENCO (special educational needs coordinator)',
  'setting-manager': 'Setting manager or owner',
  'health-visitor': 'Health visitor',
  'family-support-worker': 'Family support worker',
  'portage-worker': 'Portage worker',
  teacher: 'Teacher',
  'parent-or-carer': 'Parent or carer',
  other: 'Something else',
} as const satisfies Record<Role, string>

export const SETTING_TYPE_LABELS = {
  'private-nursery': 'Private or independent nursery',
  'voluntary-pre-school': 'Voluntary or community pre-school',
  'maintained-nursery-school': 'Maintained nursery school',
  'school-nursery-class': 'Nursery class in a school',
  childminder: 'Childminder',
  'family-hub-or-childrens-centre': 'Family hub or children’s centre',
  'health-service': 'Health service',
  'local-authority-service': 'Local authority service',
  home: 'At home (parents and carers)',
  other: 'Something else',
} as const satisfies Record<SettingType, string>

export const TOPIC_LABELS = {
  'communication-and-language': 'Communication and language',
  autism: 'Autism',
  signing: 'Signing (Makaton)',
  transition: 'Transition to school',
  'working-with-families': 'Working with families',
  'whole-setting-send': 'Whole-setting SEND',
  accredited: 'Accredited courses',
} as const satisfies Record<Topic, string>

export const AUDIENCE_LABELS = {
  practitioners: 'Early years practitioners',
  'parents-and-carers': 'Parents and carers',
  all: 'Early years practitioners, parents and carers',
} as const satisfies Record<Course['audience'], string>

export const LEVEL_LABELS = {
  introductory: 'Introductory',
  core: 'Core',
  'in-depth': 'In depth',
  'level-3': 'Level 3',
} as const satisfies Record<Course['level'], string>

export const FORMAT_LABELS = {
  online: 'Online',
  'in-person': 'In person',
  hybrid: 'Hybrid (in person or online)',
} as const satisfies Record<SessionFormat, string>

export const STATUS_LABELS = {
  waiting: 'On the waiting list',
  offered: 'Place offered',
  confirmed: 'Confirmed',
  declined: 'Offer declined',
  expired: 'Offer expired',
  cancelled: 'Cancelled',
  'late-cancelled': 'Cancelled',
  attended: 'Attended',
  'no-show': 'Did not attend',
} as const satisfies Record<BookingStatus, string>

/** The label of a code, or the code itself when the API sends one the site does not know yet. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code
}
