import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../../functions/api/src/cursor.ts'

describe('the listing cursor', () => {
  it('round-trips a position, and refuses what it did not make', () => {
    const position = { startsAt: '2026-03-14T16:00:00.000Z', id: 's4' }
    expect(decodeCursor(encodeCursor(position))).toEqual(position)
    for (const bad of ['', '!!', Buffer.from('2026-03-14T16:00:00Z#s4').toString('base64url'), 'czQ']) {
      expect(decodeCursor(bad)).toBeUndefined()
    }
  })
})
