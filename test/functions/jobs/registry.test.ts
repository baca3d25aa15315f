import { JOB_SCHEDULES, JOBS, nextRun, SCHEDULE_TIME_ZONE } from '@ey/jobs-function'
import { describe, expect, it } from 'vitest'

describe('the job registry', () => {
  it('has one run for every job of the schedule list, in its order', () => {
    expect(JOBS.map(({ name, schedule, description }) => ({ name, schedule, description }))).toEqual(
      JOB_SCHEDULES,
    )
    for (const job of JOBS) expect(job.run, job.name).toBeTypeOf('function')
  })

  it('names each job once, in kebab-case, with a description', () => {
    const names = JOBS.map((job) => job.name)
    expect(new Set(names).size).toBe(names.length)
    for (const job of JOBS) {
      expect(job.name).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(job.description.length).toBeGreaterThan(10)
    }
  })

  it.each(JOBS.map((job) => [job.name, job.schedule] as const))(
    '%s has a schedule (%s) that runs again and again',
    (_, schedule) => {
      const first = nextRun(schedule, new Date('2026-03-28T12:00:00Z'))
      expect(first).toBeInstanceOf(Date)
      expect(nextRun(schedule, first as Date)).toBeInstanceOf(Date)
    },
  )

  it('reads every schedule in London time', () => {
    expect(SCHEDULE_TIME_ZONE).toBe('Europe/London')
  })
})
