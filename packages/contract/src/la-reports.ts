import {
  ACCESS_AUDIT_ACTIONS,
  AuditedSessionSchema,
  IdSchema,
  RoleSchema,
  SettingTypeSchema,
  TopicSchema,
} from '@ey/domain'
import { localAuthority } from '@ey/reference-data'
import * as z from 'zod'
import { ResultsViewSchema } from './results.ts'

const C = z.literal('c').meta({ description: 'Suppressed by the small-number rule' })
/** A count as an LA sees it: the count, or `c` (1 to 4, or one that would give a hidden one away). */
const ShownCountSchema = z.union([z.number().int().min(0), C])

const DaySchema = z.iso.date()

/** `?from=&to=`: London days, both included; both optional (default: this academic year). */
export const PeriodQuerySchema = z.object({
  from: DaySchema.optional().meta({
    description:
      'First London day of the period (sessions starting on or after it); default 1 September of this academic year',
    example: '2026-09-01',
  }),
  to: DaySchema.optional().meta({
    description:
      'Last London day of the period (sessions starting on or before it); default 31 August after `from`',
    example: '2027-08-31',
  }),
})
export type PeriodQuery = z.infer<typeof PeriodQuerySchema>

/** The period a report covers: London days, both included. */
export const PeriodSchema = z.object({ from: DaySchema, to: DaySchema }).meta({ id: 'Period' })
export type Period = z.infer<typeof PeriodSchema>

/** `{code}` of the `/api/la/{code}/…` routes: an LA's ONS code. */
export const LaCodeParamSchema = z.object({
  code: z
    .string()
    .refine((code) => localAuthority(code) !== undefined, 'Choose a local authority from the list')
    .meta({ param: { name: 'code', in: 'path' }, example: 'E08000035' }),
})

/** The headline counts of an area over a period. */
export const TakeUpTotalsSchema = z
  .object({
    bookings: ShownCountSchema.meta({
      description: 'Places booked: confirmed, attended, no-show or late-cancelled',
    }),
    attended: ShownCountSchema,
    noShows: ShownCountSchema,
    lateCancellations: ShownCountSchema,
    people: ShownCountSchema.meta({
      description: 'Different people (by email address) among the places booked',
    }),
    settings: ShownCountSchema.meta({
      description:
        'Different settings: Ofsted URN where given, otherwise the normalised setting name; homes not counted',
    }),
  })
  .meta({ id: 'TakeUpTotals' })
export type TakeUpTotals = z.infer<typeof TakeUpTotalsSchema>

/**
 * A whole area's counts (a region, England) from the aggregates. People and settings are counted
 * per academic year, so they are `null` for any other period.
 */
export const AreaTotalsSchema = TakeUpTotalsSchema.extend({
  people: ShownCountSchema.nullable().meta({
    description: 'Different people; `null` unless the period is one academic year',
  }),
  settings: ShownCountSchema.nullable().meta({
    description: 'Different settings; `null` unless the period is one academic year',
  }),
}).meta({ id: 'AreaTotals' })
export type AreaTotals = z.infer<typeof AreaTotalsSchema>

/** `GET /api/la/{code}/summary`: an LA's take-up over a period, as the LA may see it. */
export const LaSummarySchema = z
  .object({
    la: z.object({ code: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string() }),
    period: PeriodSchema,
    totals: TakeUpTotalsSchema,
    byMonth: z.array(
      z.object({
        month: z.string().meta({ example: '2026-10' }),
        bookings: ShownCountSchema,
        attended: ShownCountSchema,
      }),
    ),
    byCourse: z.array(
      z.object({
        courseId: IdSchema,
        title: z.string(),
        bookings: ShownCountSchema,
        attended: ShownCountSchema,
      }),
    ),
    byTopic: z
      .array(z.object({ topic: TopicSchema, bookings: ShownCountSchema, attended: ShownCountSchema }))
      .meta({
        description: 'A booking counts under every topic of its course, so these do not add up to the total',
      }),
    byRole: z
      .array(z.object({ role: RoleSchema, people: ShownCountSchema }))
      .meta({ description: 'Each person once, by the role of their latest booking in the period' }),
    bySettingType: z
      .array(z.object({ settingType: SettingTypeSchema, people: ShownCountSchema }))
      .meta({ description: 'Each person once, by the setting type of their latest booking in the period' }),
    results: ResultsViewSchema.omit({ freeText: true, sessions: true }).meta({
      description: 'Questionnaire results of the LA’s people who booked in the period',
    }),
    demand: z.object({
      waiting: ShownCountSchema.meta({
        description: 'The LA’s people on waiting lists (or offered a place) for sessions in the period',
      }),
      openAlerts: ShownCountSchema.meta({
        description: 'Open interest alerts from the LA, whatever the period',
      }),
      byCourse: z.array(
        z.object({
          courseId: IdSchema,
          title: z.string(),
          waiting: ShownCountSchema,
          openAlerts: ShownCountSchema,
        }),
      ),
    }),
    region: z.object({ code: z.string(), name: z.string(), totals: AreaTotalsSchema }),
    england: z.object({ totals: AreaTotalsSchema }),
  })
  .meta({ id: 'LaSummary' })
export type LaSummary = z.infer<typeof LaSummarySchema>

/** What staff did that the audit log records. */
export const AuditActionSchema = z.enum(ACCESS_AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditActionSchema>

/**
 * One entry of the audit log: who read or downloaded which personal data, when: an LA's for a
 * period, or a session part's register.
 */
export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    at: z.iso.datetime(),
    action: AuditActionSchema,
    staff: z.object({ sub: z.string(), name: z.string().optional() }),
    laCode: z.string().optional().meta({ description: 'LA downloads: the LA' }),
    period: PeriodSchema.optional().meta({ description: 'LA downloads: the London days covered' }),
    session: AuditedSessionSchema.optional().meta({
      description: 'Register views and participant reports: the session and its part (from 0)',
    }),
    subject: z.string().optional().meta({
      description: 'A subject access: the SHA-256 (hex) of the normalised address, never the address',
    }),
    rows: z.number().int().min(0).optional().meta({ description: 'Rows downloaded or shown, when known' }),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof AuditEntrySchema>

/** `GET /api/admin/audit?from=&to=&la=&cursor=`: newest first. */
export const AuditQuerySchema = PeriodQuerySchema.extend({
  la: z
    .string()
    .refine((code) => localAuthority(code) !== undefined, 'Choose a local authority from the list')
    .optional(),
  cursor: z.string().max(512).optional(),
})
export const AuditListSchema = z
  .object({ items: z.array(AuditEntrySchema), next: z.string().optional() })
  .meta({ id: 'AuditList' })
export type AuditList = z.infer<typeof AuditListSchema>

/** Different people reached, by kind of role; `null` unless the period is one academic year. */
const ReachSchema = z.object({
  total: z.number().int().nullable(),
  practitioners: z.number().int().nullable(),
  parentsAndCarers: z.number().int().nullable(),
  others: z.number().int().nullable(),
})

/** Satisfaction and uplift of one course or partner, from the post questionnaires of the period. */
const SatisfactionRowSchema = z.object({
  id: IdSchema,
  name: z.string(),
  responses: z.number().int().meta({ description: 'Post questionnaires answered' }),
  usefulShare: z.number().nullable().meta({ description: 'Percentage, one decimal' }),
  recommendShare: z.number().nullable(),
  meanChange: z
    .number()
    .nullable()
    .meta({ description: 'Mean change in confidence, pre to post, over every rating' }),
})

/** `GET /api/admin/national`: the programme's reach and demand, from aggregates, raw (administrators only). */
export const NationalSummarySchema = z
  .object({
    period: PeriodSchema,
    people: ReachSchema.meta({
      description: 'Different people reached (a place booked in the period), by kind of role',
    }),
    sessions: z.number().int().meta({
      description: 'Published sessions starting in the period (drafts and cancelled ones not counted)',
    }),
    bookings: z.number().int(),
    attendances: z.number().int(),
    settings: z.number().int().nullable(),
    las: z.object({
      represented: z.number().int().meta({ description: 'LAs with at least one place booked in the period' }),
      of: z.number().int().meta({ example: 153 }),
      share: z.number().meta({ description: 'Percentage, one decimal' }),
    }),
    byRegion: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        people: z.number().int().nullable(),
        attendances: z.number().int(),
        lasRepresented: z.number().int(),
        las: z.number().int(),
      }),
    ),
    byLa: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        regionCode: z.string(),
        people: z.number().int().nullable(),
        bookings: z.number().int(),
        attendances: z.number().int(),
      }),
    ),
    demand: z.object({
      byCourse: z
        .array(
          z.object({
            courseId: IdSchema,
            title: z.string(),
            waiting: z.number().int().meta({
              description: 'People waiting (or offered a place) in the course’s sessions of the period',
            }),
            openAlerts: z.number().int(),
            placesLeft: z
              .number()
              .int()
              .meta({ description: 'Free places in the course’s upcoming published sessions' }),
          }),
        )
        .meta({
          description:
            'Courses where people waiting and open alerts exceed the places left, most unmet first',
        }),
      byLa: z
        .array(
          z.object({
            code: z.string(),
            name: z.string(),
            waiting: z.number().int(),
            openAlerts: z.number().int(),
          }),
        )
        .meta({ description: 'Areas by people waiting and open alerts, most first' }),
    }),
    satisfaction: z.object({
      byCourse: z.array(SatisfactionRowSchema),
      byPartner: z.array(SatisfactionRowSchema),
    }),
  })
  .meta({ id: 'NationalSummary' })
export type NationalSummary = z.infer<typeof NationalSummarySchema>
