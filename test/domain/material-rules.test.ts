import {
  HttpsUrlSchema,
  MATERIAL_FILE_TYPES,
  MATERIAL_SIZE_LIMITS,
  materialAccess,
  materialFileErrors,
  materialStorageKey,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeBooking, makeSnapshot } from '../support/factories.ts'

const MB = 1024 * 1024
const PDF = 'application/pdf'

describe('the file types and sizes a material may have', () => {
  it.each([
    ['slides.pdf', PDF, 20 * MB],
    ['handout.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', MB],
    ['deck.PPTX', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', MB],
    ['sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', MB],
    ['photo.jpeg', 'image/jpeg', 10 * MB],
    ['photo.jpg', 'image/jpeg', MB],
    ['diagram.png', 'image/png', MB],
    ['clip.mp4', 'video/mp4', 200 * MB],
  ])('allows %s (%s, %i bytes)', (fileName, contentType, size) => {
    expect(materialFileErrors({ fileName, contentType, size })).toEqual([])
  })

  it.each([
    ['script.exe', 'application/x-msdownload', 10, 'contentType'],
    ['page.html', 'text/html', 10, 'contentType'],
    ['image.svg', 'image/svg+xml', 10, 'contentType'],
    ['slides.pdf', PDF, 20 * MB + 1, 'size'],
    ['photo.png', 'image/png', 10 * MB + 1, 'size'],
    ['clip.mp4', 'video/mp4', 200 * MB + 1, 'size'],
    ['slides.pdf', PDF, 0, 'size'],
    ['slides.exe', PDF, 10, 'fileName'],
    ['slides', PDF, 10, 'fileName'],
  ])('refuses %s (%s, %i bytes), naming %s', (fileName, contentType, size, field) => {
    expect(materialFileErrors({ fileName, contentType, size }).map((error) => error.field)).toEqual([field])
  })

  it('allows exactly the sizes within each type’s family limit (property)', () => {
    const type = fc.constantFrom(...Object.entries(MATERIAL_FILE_TYPES))
    fc.assert(
      fc.property(
        type,
        fc.integer({ min: 1, max: 300 * MB }),
        ([contentType, { extensions, family }], size) => {
          const errors = materialFileErrors({ fileName: `f.${extensions[0]}`, contentType, size })
          expect(errors.length === 0).toBe(size <= MATERIAL_SIZE_LIMITS[family])
        },
      ),
    )
  })
})

describe('links', () => {
  it.each(['https://example.org/signs', 'https://www.youtube.com/watch?v=abc'])('accepts %s', (url) =>
    expect(HttpsUrlSchema.safeParse(url).success).toBe(true),
  )

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'http://example.org/signs',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org/file',
    '//example.org/signs',
    'https://user:pass@example.org/',
    'example.org',
  ])('refuses %s', (url) => expect(HttpsUrlSchema.safeParse(url).success).toBe(false))

  it('accepts only https addresses, whatever is typed (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (url) => {
        if (HttpsUrlSchema.safeParse(url).success) expect(new URL(url.trim()).protocol).toBe('https:')
      }),
    )
  })
})

describe('who sees a session’s booked-only materials, and when', () => {
  const session = makeSnapshot()
  const during = new Date('2026-12-01T17:00:00.000Z')
  const after = new Date('2026-12-01T17:30:00.000Z')

  it.each([
    ['confirmed', during, 'after-session'],
    ['confirmed', after, 'available'],
    ['attended', during, 'available'],
    ['no-show', after, 'available'],
    ['waiting', after, 'not-booked'],
    ['offered', after, 'not-booked'],
    ['cancelled', after, 'not-booked'],
    ['late-cancelled', after, 'not-booked'],
    ['declined', after, 'not-booked'],
    ['expired', after, 'not-booked'],
  ] as const)('a %s booking at %s: %s', (status, now, access) => {
    expect(materialAccess(makeBooking({ status, session }), now)).toBe(access)
  })
})

describe('storage keys', () => {
  it('sit under their owner and id, keeping only safe characters of the name', () => {
    expect(materialStorageKey({ kind: 'session', id: 's1' }, 'm1', '../Slides: week 1.pdf')).toBe(
      'materials/session/s1/m1/Slides-week-1.pdf',
    )
  })
})
