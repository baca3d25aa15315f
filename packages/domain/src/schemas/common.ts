import { z } from 'zod'

/** An instant, stored and exchanged as ISO 8601; stored in UTC. */
export const InstantSchema = z.iso.datetime({ offset: true })

/** Identifiers are opaque, URL-safe strings. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - or _ only')

/** An ONS code of an English upper-tier local authority (E06, E08, E09, E10). */
export const LaCodeSchema = z
  .string()
  .regex(/^E(06|08|09|10)\d{6}$/, 'Choose a local authority from the list')
