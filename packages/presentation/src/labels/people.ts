import type { Role, SettingType } from '@ey/domain'

// `satisfies` fails the build when the domain gains a code without a label; type-only imports
// keep zod out of the pages.

/** A person's role, as the booking form offers it. */
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
  'community-nurse': 'Community nurse',
  'perinatal-mental-health': 'Perinatal mental health',
  paediatrics: 'Paediatrics',
  therapy: 'Speech and language or other therapy',
  'early-help': 'Early help',
  'parent-or-carer': 'Parent or carer',
  other: 'Something else',
} as const satisfies Record<Role, string>

/** A person's role in a line of a list, such as the register. */
export const ROLE_SHORT_LABELS = {
  ...ROLE_LABELS,
  senco: 'SENCO',
  'setting-manager': 'Setting manager',
  other: 'Other',
} as const satisfies Record<Role, string>

/** The type of setting a person works in. */
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
