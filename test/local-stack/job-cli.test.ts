import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { bookSession, cancelBooking, invitationMessageId } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { type LocalStack, startLocalStack, writeStackFile } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../support/dynamo.ts'
import { fakeClock, makePerson, makeSession } from '../support/factories.ts'

const run = promisify(execFile)
const CLI = resolve(import.meta.dirname, '../../packages/local-stack/src/cli/job.ts')

/** Runs `pnpm job …` as the root script does, and answers its exit code and output. */
async function job(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pnpm-job-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('pnpm job, without a stack', () => {
  it('lists the jobs and their schedules when no job is named', async () => {
    const { code, stdout } = await job()
    expect(code).toBe(0)
    expect(stdout).toContain('Usage: pnpm job <name> [--now <time>]')
    expect(stdout).toContain('Jobs (schedules in Europe/London time):')
    expect(stdout).toMatch(/expire-offers\s+rate\(5 minutes\)\s+Lets offers past their deadline go/)
  })

  it('lists the jobs after saying there is no job of that name', async () => {
    const { code, stderr } = await job('expire-everything')
    expect(code).toBe(2)
    expect(stderr).toContain('There is no job "expire-everything".')
    expect(stderr).toContain('expire-offers')
  })

  it('refuses a --now it cannot read, saying what it takes', async () => {
    const { code, stderr } = await job('expire-offers', '--now', '29/03/2026 07:00')
    expect(code).toBe(2)
    expect(stderr).toContain('--now "29/03/2026 07:00" is not a time: give an ISO 8601 time such as')
  })

  it('says to start the stack when none is running', async () => {
    const { code, stderr } = await job('expire-offers', '--stack', join(dir, 'absent.json'))
    expect(code).toBe(1)
    expect(stderr).toContain('No local stack is running')
    expect(stderr).toContain('pnpm start')
  })

  it('says the stack file is stale when its process has gone', async () => {
    const stale = join(dir, 'stale.json')
    const gone = await run(process.execPath, ['-e', 'console.log(process.pid)'])
    writeStackFile(stale, {
      pid: Number(gone.stdout.trim()),
      webUrl: 'http://127.0.0.1:1',
      dynamoEndpoint: 'http://127.0.0.1:1',
      issuerUrl: 'http://127.0.0.1:1',
      tableName: 'training',
      jobs: { url: 'http://127.0.0.1:1', token: 'x' },
      clock: { at: '2026-03-16T05:00:00.000Z', shifted: false },
    })
    const { code, stderr } = await job('expire-offers', '--stack', stale)
    expect(code).toBe(1)
    expect(stderr).toContain('is no longer running')
  })
})

describe('pnpm job, against a running stack', () => {
  let stack: LocalStack
  const stackFile = () => join(dir, 'stack.json')

  beforeAll(async () => {
    // Before B's offer lapses, so the stack's own runner leaves it to the run by hand.
    stack = await startLocalStack({ now: new Date('2026-03-16T05:00:00.000Z'), mail: false })
    if (!stack.jobs) throw new Error('the stack runs no jobs')
    writeStackFile(stackFile(), {
      pid: process.pid,
      webUrl: stack.webUrl,
      dynamoEndpoint: stack.dynamoEndpoint,
      issuerUrl: stack.issuerUrl,
      tableName: stack.tableName,
      jobs: { url: stack.jobs.url, token: stack.jobs.token },
      clock: { at: stack.clock.now().toISOString(), shifted: true },
    })
  }, 120_000)

  afterAll(() => stack?.stop())

  it('runs the job inside the stack as at --now and prints its report', async () => {
    const config = await coreConfigFromEnv(stack.env)
    const clients = coreClients(config)
    const clock = fakeClock('2026-03-10T09:00:00.000Z')
    const deps = wireCore(config, clients, { clock })
    await storeSessions(
      { doc: clients.doc, tableName: stack.tableName },
      makeSession({ id: 'cli-1', capacity: 1, startsAt: '2026-03-16T16:00:00.000Z' }),
    )
    const book = (email: string) =>
      bookSession(deps, { sessionId: 'cli-1', idempotencyKey: email, person: makePerson({ email }) })
    const a = await book('a@example.org')
    const b = await book('b@example.org')
    const c = await book('c@example.org')
    clock.set('2026-03-16T04:00:00.000Z')
    await cancelBooking(deps, a.booking.id, a.manageToken)

    const { code, stdout, stderr } = await job(
      'expire-offers',
      '--now',
      '2026-03-16T08:00:01Z',
      '--stack',
      stackFile(),
    )

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(
      /^expire-offers ran as at 2026-03-16T08:00:01\.000Z \(8am on Monday 16 March 2026, London time\) in \d+ ms\n/,
    )
    expect(stdout).toContain('  expired   1\n  promoted  1\n  skipped   0\n')
    expect((await deps.bookings.getBooking(b.booking.id))?.status).toBe('expired')
    expect((await deps.bookings.getBooking(c.booking.id))?.status).toBe('offered')
  })

  it('runs questionnaire-invitations as at --now: a new booking’s pre invitation is queued', async () => {
    const config = await coreConfigFromEnv(stack.env)
    const clients = coreClients(config)
    const deps = wireCore(config, clients, { clock: fakeClock('2026-03-16T05:01:00.000Z') })
    await storeSessions(
      { doc: clients.doc, tableName: stack.tableName },
      makeSession({
        id: 'cli-invite',
        startsAt: '2026-03-20T16:00:00.000Z',
        updatedAt: '2026-03-16T05:01:00.000Z',
      }),
    )
    const { booking } = await bookSession(deps, {
      sessionId: 'cli-invite',
      idempotencyKey: 'invitee',
      person: makePerson({ email: 'invitee@example.org' }),
    })

    const { code, stdout, stderr } = await job(
      'questionnaire-invitations',
      '--now',
      '2026-03-16T05:11:00Z',
      '--stack',
      stackFile(),
    )

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(/^questionnaire-invitations ran as at 2026-03-16T05:11:00\.000Z /)
    expect(stdout).toMatch(/ {2}queued +\d+\n/)
    const { Item } = await clients.doc.send(
      new GetCommand({
        TableName: stack.tableName,
        Key: keys.outbox(invitationMessageId(booking.id, 'pre')),
        ConsistentRead: true,
      }),
    )
    expect(Item).toMatchObject({ kind: 'questionnaire-invitation', invitation: 'pre', bookingId: booking.id })
  })

  it('answers a bad token with 401, so only whoever can read the stack file runs jobs', async () => {
    const response = await fetch(`${stack.jobs?.url}/jobs/expire-offers`, {
      method: 'POST',
      headers: { authorization: 'Bearer guess' },
    })
    expect(response.status).toBe(401)
  })
})
