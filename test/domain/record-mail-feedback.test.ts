import { type MailFeedback, recordMailFeedback, suppresses } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { createInMemoryUndeliverable } from '../support/in-memory-undeliverable.ts'

const bounce = (bounceType: string, bounceSubType = 'General'): MailFeedback => ({
  kind: 'bounce',
  bounceType,
  bounceSubType,
  recipients: ['a@example.test', 'b@example.test'],
  at: '2026-03-02T09:00:00.000Z',
})

describe('recordMailFeedback', () => {
  it.each([
    ['a permanent bounce', bounce('Permanent'), true],
    ['a bounce SES suppressed itself', bounce('Permanent', 'OnAccountSuppressionList'), true],
    [
      'a complaint',
      { kind: 'complaint', recipients: ['a@example.test'], at: '2026-03-02T09:00:00.000Z' },
      true,
    ],
    ['a transient bounce', bounce('Transient', 'MailboxFull'), false],
    ['an undetermined bounce', bounce('Undetermined', 'Undetermined'), false],
  ] satisfies [string, MailFeedback, boolean][])('%s suppresses: %s', async (_case, feedback, expected) => {
    const undeliverable = createInMemoryUndeliverable()

    const marked = await recordMailFeedback({ undeliverable }, feedback)

    expect(suppresses(feedback)).toBe(expected)
    expect(marked).toBe(expected ? feedback.recipients.length : 0)
    expect(await undeliverable.isUndeliverable('A@example.test')).toBe(expected)
  })

  it('records the bounce type and sub-type, or the complaint type (or that none was given)', async () => {
    const undeliverable = createInMemoryUndeliverable()
    await recordMailFeedback({ undeliverable }, bounce('Permanent', 'NoEmail'))
    await recordMailFeedback(
      { undeliverable },
      { kind: 'complaint', recipients: ['c@example.test'], at: '2026-03-02T10:00:00.000Z' },
    )

    expect(
      (await undeliverable.list(10_000)).map(({ address, reason, detail }) => [address, reason, detail]),
    ).toEqual([
      ['c@example.test', 'complaint', 'not given'],
      ['a@example.test', 'bounce', 'Permanent/NoEmail'],
      ['b@example.test', 'bounce', 'Permanent/NoEmail'],
    ])
  })
})
