import type { Course, Partner } from '@ey/domain'

/** Demo partner organisations: fictional, shaped like the programme's real delivery partners. */
export const PARTNERS: Partner[] = [
  { id: 'talking-together', name: 'Talking Together Partnership' },
  { id: 'autism-early-years', name: 'Autism in the Early Years Alliance' },
  { id: 'signs-and-symbols', name: 'Signs and Symbols Training' },
  { id: 'family-hubs-network', name: 'Family Hubs Learning Network' },
  { id: 'inclusive-settings', name: 'Inclusive Settings Consortium' },
]

const course = (c: Omit<Course, 'completion'> & Partial<Pick<Course, 'completion'>>): Course => ({
  completion: { kind: 'all-parts' },
  ...c,
})

/** The courses named in the programme's brief. */
export const COURSES: Course[] = [
  course({
    id: 'slcn-core',
    partnerId: 'talking-together',
    title: 'Speech, language and communication needs: core',
    summary: 'Spot early signs of speech, language and communication needs and support every child to talk.',
    description:
      'How communication develops from birth to five, what to look and listen for, simple strategies for everyday routines, and when and how to refer on.',
    topics: ['communication-and-language'],
    audience: 'practitioners',
    level: 'core',
    cpdHours: 1.5,
  }),
  course({
    id: 'slcn-in-depth',
    partnerId: 'talking-together',
    title: 'Speech, language and communication needs: in depth',
    summary: 'Plan targeted support for children with identified communication needs.',
    description:
      'Building on the core course: assessing language, setting small-step targets, working with speech and language therapists, and reviewing progress with families.',
    topics: ['communication-and-language'],
    audience: 'practitioners',
    level: 'in-depth',
    cpdHours: 2,
  }),
  course({
    id: 'slcn-level-3',
    partnerId: 'talking-together',
    title: 'Level 3 award in supporting speech, language and communication',
    summary: 'An accredited four-part course for practitioners leading communication in their setting.',
    description:
      'Four twilight sessions a week apart, with short tasks in your setting between them. Completion requires attending all four parts.',
    topics: ['communication-and-language', 'accredited'],
    audience: 'practitioners',
    level: 'level-3',
    accreditation: 'Level 3 award (Ofqual regulated)',
    cpdHours: 8,
  }),
  course({
    id: 'transition-to-school',
    partnerId: 'inclusive-settings',
    title: 'Transition to school for children with SEND',
    summary: 'Plan a smooth move to reception for children with SEND, with families and schools.',
    description:
      'Sharing information that matters, transition documents, visits and social stories, and what reception teachers want to know.',
    topics: ['transition', 'whole-setting-send'],
    audience: 'practitioners',
    level: 'core',
    cpdHours: 1.5,
  }),
  course({
    id: 'working-with-parents',
    partnerId: 'family-hubs-network',
    title: 'Working with parents and carers',
    summary: 'Build trusting partnerships with families when you have a concern about a child.',
    description:
      'Starting difficult conversations, listening, sharing observations without jargon, and co-producing next steps.',
    topics: ['working-with-families'],
    audience: 'practitioners',
    level: 'core',
    cpdHours: 1.5,
  }),
  course({
    id: 'autism-awareness',
    partnerId: 'autism-early-years',
    title: 'Autism awareness in the early years',
    summary: 'Understand autism and adapt your environment and routines.',
    description:
      'Sensory differences, communication, predictable routines, visual supports, and reasonable adjustments in an early-years setting.',
    topics: ['autism'],
    audience: 'practitioners',
    level: 'introductory',
    cpdHours: 1.5,
  }),
  course({
    id: 'makaton-taster',
    partnerId: 'signs-and-symbols',
    title: 'Makaton taster',
    summary: 'Learn core signs and symbols to use with young children every day.',
    description:
      'Around forty everyday signs and symbols, how to use them with speech, and how to keep practising.',
    topics: ['signing', 'communication-and-language'],
    audience: 'all',
    level: 'introductory',
    cpdHours: 2,
  }),
  course({
    id: 'whole-setting-send',
    partnerId: 'inclusive-settings',
    title: 'Whole-setting approach to SEND',
    summary: 'For managers and SENCOs: make inclusion everyone’s job in your setting.',
    description:
      'The graduated approach, SEN support plans, working with the local offer and area SENCOs, and leading your team.',
    topics: ['whole-setting-send'],
    audience: 'practitioners',
    level: 'in-depth',
    cpdHours: 2,
  }),
  course({
    id: 'family-workshop',
    partnerId: 'family-hubs-network',
    title: 'Family workshop: helping your child to talk',
    summary: 'A relaxed workshop for parents and carers of young children.',
    description: 'Play ideas, songs and everyday moments that help children to listen, understand and talk.',
    topics: ['communication-and-language', 'working-with-families'],
    audience: 'parents-and-carers',
    level: 'introductory',
    cpdHours: 0,
  }),
]
