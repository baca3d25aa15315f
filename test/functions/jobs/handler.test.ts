import {
  createJobsHandler,
  type Job,
  type JobDeps,
  jobsClients,
  jobsConfigFromEnv,
  runJob,
  UnknownJobError,
  wireJobs,
} from '@ey/jobs-function'
import type { Env } from '@ey/runtime'
import { describe, expect, it, vi } from 'vitest'
import { fakeClock, NOW } from '../../support/factories.ts'

const ENV = {
  TABLE_NAME: 'bookings',
  SITE_URL: 'https://training.example.org',
  MANAGE_TOKEN_SECRET: 'a-test-secret-that-is-long-enough-32',
  MAIL_FROM: 'Early years SEND training <bookings@training.example.org>',
  AWS_REGION: 'eu-west-2',
}

/** What the Lambda entry does with its environment, with a fake clock and a recording logger. */
async function wired(env: Env = ENV) {
  const config = await jobsConfigFromEnv(env)
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  return wireJobs(config, jobsClients(config), { clock: fakeClock(NOW), logger })
}

/** A job that records the time it saw, and reports it ran once. */
function recordingJob(name = 'count-things'): Job & { seen: Date[] } {
  const seen: Date[] = []
  return {
    name,
    schedule: 'rate(5 minutes)',
    description: 'Counts things',
    seen,
    run: async (deps: JobDeps, now: Date) => {
      seen.push(now, deps.clock.now())
      return { counted: 1 }
    },
  }
}

describe('the jobs function’s configuration', () => {
  it.each(['TABLE_NAME', 'SITE_URL', 'MANAGE_TOKEN_SECRET', 'MAIL_FROM'])(
    'refuses to start without %s, naming it',
    async (name) => {
      await expect(wired({ ...ENV, [name]: '' })).rejects.toThrow(`Missing environment variable ${name}`)
    },
  )

  it('wires the core’s adapters, with overrides on top', async () => {
    const deps = await wired()
    expect(deps.clock.now()).toEqual(NOW)
    expect(deps.bookings).toBeDefined()
    expect(deps.outbox).toBeDefined()
  })
})

describe('the jobs handler', () => {
  it('runs the job the Scheduler’s event names, at the clock’s time, and logs its counts', async () => {
    const deps = await wired()
    const job = recordingJob()

    const result = await createJobsHandler(deps, [job])({ job: 'count-things' })

    expect(result).toMatchObject({ job: 'count-things', now: NOW.toISOString(), report: { counted: 1 } })
    expect(job.seen).toEqual([NOW, NOW])
    expect(deps.logger.info).toHaveBeenCalledWith('Job finished', {
      job: 'count-things',
      report: { counted: 1 },
      durationMs: expect.any(Number),
    })
  })

  it.each([
    [
      'an unknown name',
      { job: 'expire-everything' },
      'Unknown job "expire-everything"; the jobs are: count-things',
    ],
    [
      'no name',
      { detail: {} },
      'The event names no job (expected {"job": "<name>"}); the jobs are: count-things',
    ],
  ])('fails loudly for an event with %s, listing the jobs', async (_, event, message) => {
    const deps = await wired()
    const run = createJobsHandler(deps, [recordingJob()])(event)
    await expect(run).rejects.toThrow(UnknownJobError)
    await expect(run).rejects.toThrow(message)
    expect(deps.logger.error).toHaveBeenCalledWith(message)
  })

  it('logs a failed run by the error’s name only, and throws it for Lambda to record', async () => {
    const deps = await wired()
    const failing: Job = {
      ...recordingJob('fail'),
      run: async () => {
        throw new TypeError('ada@example.org could not be reached')
      },
    }
    await expect(createJobsHandler(deps, [failing])({ job: 'fail' })).rejects.toThrow(TypeError)
    expect(deps.logger.error).toHaveBeenCalledWith('Job failed', { job: 'fail', error: 'TypeError' })
    expect(JSON.stringify(vi.mocked(deps.logger.error).mock.calls)).not.toContain('ada@example.org')
  })
})

describe('runJob', () => {
  it('runs a job as if at another time: its clock reads that time and runs on', async () => {
    const deps = await wired()
    const job = recordingJob()
    const then = new Date('2026-10-25T06:30:00Z')

    const run = await runJob(job, deps, then)

    expect(run).toMatchObject({ job: 'count-things', now: then, report: { counted: 1 } })
    expect(job.seen).toEqual([then, then])
  })
})
