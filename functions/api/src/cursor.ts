import { IdSchema, type ListingPosition } from '@ey/domain'

/** The opaque cursor of a listing position: base64url of its UTC start and id. */
export function encodeCursor(position: ListingPosition): string {
  return Buffer.from(`${position.startsAt}#${position.id}`).toString('base64url')
}

/** The position a cursor names, or undefined when it is not one this API made. */
export function decodeCursor(cursor: string): ListingPosition | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  const [startsAt = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('#')
  const start = new Date(startsAt)
  if (rest.length > 0 || Number.isNaN(start.getTime()) || start.toISOString() !== startsAt) return undefined
  return IdSchema.safeParse(id).success ? { startsAt, id } : undefined
}
