import { type CompletedRun, type Job, type JobDeps, jobsClients, wireJobs } from '@ey/jobs-function'
import { type JobRunner, startJobRunner } from '@ey/local-stack'
import { afterEach, describe, expect, it } from 'vitest'
import { type FakeClock, fakeClock } from '../support/factories.ts'
import { testConfig } from '../support/wiring.ts'

const TICK_MS = 5
let runner: JobRunner | undefined

afterEach(async () => {
  await runner?.stop()
  runner = undefined
})

function depsAt(clock: FakeClock): JobDeps {
  const config = { ...testConfig({ tableName: 'unused' }), mailFrom: 'bookings@training.example.org' }
  return wireJobs(config, jobsClients(config), { clock })
}

/** A job that records the instants it ran as; `gate` holds each run until released. */
function job(name: string, schedule: string, behaviour: { gate?: Promise<void>; fail?: () => boolean } = {}) {
  const runs: Date[] = []
  let active = 0
  let mostAtOnce = 0
  const entry: Job = {
    name,
    schedule,
    description: `The ${name} job`,
    run: async (_deps, now) => {
      active++
      mostAtOnce = Math.max(mostAtOnce, active)
      try {
        await behaviour.gate
        if (behaviour.fail?.()) throw new Error(`${name} failed`)
        runs.push(now)
        return { ran: 1 }
      } finally {
        active--
      }
    },
  }
  return { entry, runs, mostAtOnce: () => mostAtOnce }
}

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, TICK_MS))
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the local job runner', () => {
  it('runs every job once at start-up, at the stack’s time, catching up', async () => {
    const clock = fakeClock('2026-03-29T05:59:30Z')
    const digest = job('digest', 'cron(0 7 * * ? *)')
    const sweep = job('sweep', 'rate(5 minutes)')
    runner = startJobRunner({ jobs: [digest.entry, sweep.entry], deps: depsAt(clock), tickMs: TICK_MS })

    await until(() => digest.runs.length === 1 && sweep.runs.length === 1)
    expect(digest.runs).toEqual([clock.now()])
    expect(runner.jobs()).toEqual([
      expect.objectContaining({ name: 'digest', nextRunAt: new Date('2026-03-29T06:00:00Z') }),
      expect.objectContaining({ name: 'sweep', nextRunAt: new Date('2026-03-29T06:04:30Z') }),
    ])
  })

  it('runs a job again when its London time comes by the stack’s clock, and not before', async () => {
    // 06:59:30 in London on the day the clocks go forward: 07:00 is 06:00Z.
    const clock = fakeClock('2026-03-29T05:59:30Z')
    const digest = job('digest', 'cron(0 7 * * ? *)')
    const finished: CompletedRun[] = []
    runner = startJobRunner({
      jobs: [digest.entry],
      deps: depsAt(clock),
      tickMs: TICK_MS,
      onRun: (run) => finished.push(run),
    })
    await until(() => finished.length === 1)

    clock.advance(29_000)
    await pause(TICK_MS * 6)
    expect(digest.runs).toHaveLength(1)

    clock.advance(1_000)
    await until(() => finished.length === 2)
    expect(digest.runs[1]).toEqual(new Date('2026-03-29T06:00:00Z'))
    expect(finished[1]).toMatchObject({ job: 'digest', report: { ran: 1 } })
  })

  it('never runs one job twice at once: ticks wait, and a run by hand follows the one in progress', async () => {
    const clock = fakeClock('2026-03-02T09:00:00Z')
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slow = job('slow', 'rate(1 minute)', { gate })
    runner = startJobRunner({ jobs: [slow.entry], deps: depsAt(clock), tickMs: TICK_MS })

    clock.advance(10 * 60_000)
    await pause(TICK_MS * 6)
    const byHand = runner.run('slow', new Date('2026-03-02T12:00:00Z'))
    await pause(TICK_MS * 6)
    expect(slow.runs).toEqual([])

    release()
    await expect(byHand).resolves.toMatchObject({ job: 'slow', now: new Date('2026-03-02T12:00:00Z') })
    expect(slow.runs).toEqual([new Date('2026-03-02T09:00:00Z'), new Date('2026-03-02T12:00:00Z')])
    expect(slow.mostAtOnce()).toBe(1)
  })

  it('reports a failed run and tries it again at the next tick', async () => {
    const clock = fakeClock('2026-03-02T09:00:00Z')
    let failures = 2
    const flaky = job('flaky', 'cron(0 7 * * ? *)', { fail: () => failures-- > 0 })
    const errors: string[] = []
    runner = startJobRunner({
      jobs: [flaky.entry],
      deps: depsAt(clock),
      tickMs: TICK_MS,
      onError: (name, error) => errors.push(`${name}: ${(error as Error).message}`),
    })

    await until(() => flaky.runs.length === 1)
    expect(errors).toEqual(['flaky: flaky failed', 'flaky: flaky failed'])
    expect(runner.jobs()[0]?.nextRunAt).toEqual(new Date('2026-03-03T07:00:00Z'))
  })

  it('runs nothing more once stopped, and answers an unknown name with an error', async () => {
    const clock = fakeClock('2026-03-02T09:00:00Z')
    const sweep = job('sweep', 'rate(1 minute)')
    runner = startJobRunner({ jobs: [sweep.entry], deps: depsAt(clock), tickMs: TICK_MS })
    await until(() => sweep.runs.length === 1)
    await expect(runner.run('nothing')).rejects.toThrow('Unknown job "nothing"')

    await runner.stop()
    clock.advance(60 * 60_000)
    await pause(TICK_MS * 6)
    expect(sweep.runs).toHaveLength(1)
  })
})
