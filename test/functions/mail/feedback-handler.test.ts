import { createUndeliverableStore } from '@ey/dynamodb'
import {
  createFeedbackHandler,
  feedbackClients,
  feedbackConfigFromEnv,
  mailFeedbackOf,
  wireFeedback,
} from '@ey/mail-function'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { uniqueAddress } from '../../support/ses.ts'
import { sesBounce, sesComplaint, sesDelivery, snsEvent } from '../../support/ses-feedback.ts'

let table: TestTable
beforeAll(async () => {
  table = await createTestTable()
})

/** The handler as the Lambda entry wires it, on the test table, with a spy logger. */
function wired() {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const deps = wireFeedback({ tableName: table.tableName }, { doc: table.doc }, { logger })
  return { handle: createFeedbackHandler(deps), logger }
}

describe('the bounce and complaint handler', () => {
  it('makes every address of a permanent bounce undeliverable, with the bounce type, and logs no address', async () => {
    const [first, second] = [uniqueAddress('gone'), uniqueAddress('gone-too')]
    const { handle, logger } = wired()

    await handle(snsEvent(sesBounce([first, second], 'Permanent', 'NoEmail')))

    const store = createUndeliverableStore(table)
    expect(await store.isUndeliverable(first)).toBe(true)
    expect(await store.isUndeliverable(second)).toBe(true)
    expect((await store.list(10_000)).find((entry) => entry.address === first)).toMatchObject({
      reason: 'bounce',
      detail: 'Permanent/NoEmail',
      at: '2026-03-02T09:01:00.000Z',
    })
    expect(logger.info).toHaveBeenCalledWith(
      'SES feedback recorded',
      expect.objectContaining({ kind: 'bounce', bounceType: 'Permanent', markedUndeliverable: 2 }),
    )
    expect(JSON.stringify(logger.info.mock.calls)).not.toContain('@')
  })

  it('makes the address of a complaint undeliverable, with the feedback type', async () => {
    const address = uniqueAddress('complained')
    const { handle } = wired()

    await handle(snsEvent(sesComplaint([address], 'abuse')))

    const store = createUndeliverableStore(table)
    expect((await store.list(10_000)).find((entry) => entry.address === address)).toMatchObject({
      reason: 'complaint',
      detail: 'abuse',
    })
  })

  it.each([
    ['a transient bounce (a full mailbox)', sesBounce(['x'], 'Transient', 'MailboxFull')],
    ['an undetermined bounce', sesBounce(['x'], 'Undetermined', 'Undetermined')],
    ['a delivery', sesDelivery(['x'])],
  ])('leaves the address deliverable after %s', async (_case, template) => {
    const address = uniqueAddress('still-fine')
    const event = JSON.parse(JSON.stringify(template).replaceAll('"x"', JSON.stringify(address)))
    const { handle } = wired()

    await handle(snsEvent(event))

    const store = createUndeliverableStore(table)
    expect(await store.isUndeliverable(address)).toBe(false)
  })

  it('drops a notification it cannot read, logging it, and goes on with the others', async () => {
    const address = uniqueAddress('after-junk')
    const { handle, logger } = wired()

    await handle(snsEvent('not json', { eventType: 'Bounce', bounce: {} }, sesComplaint([address])))

    expect(logger.error).toHaveBeenCalledTimes(2)
    const store = createUndeliverableStore(table)
    expect(await store.isUndeliverable(address)).toBe(true)
  })

  it('reads identity notifications too, which name the type notificationType', () => {
    const { eventType: _, ...rest } = sesBounce(['a@example.test'])
    expect(mailFeedbackOf({ notificationType: 'Bounce', ...rest })).toMatchObject({
      kind: 'bounce',
      bounceType: 'Permanent',
      recipients: ['a@example.test'],
    })
  })

  it('needs only the table to start', () => {
    expect(feedbackConfigFromEnv({ TABLE_NAME: 'training' })).toEqual({ tableName: 'training' })
    expect(() => feedbackConfigFromEnv({})).toThrow('Missing environment variable TABLE_NAME')
    expect(feedbackClients({ tableName: 'training' }).doc).toBeDefined()
  })
})
