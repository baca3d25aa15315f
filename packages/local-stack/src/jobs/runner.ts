import { type CompletedRun, type Job, type JobDeps, nextRun, runJob } from '@ey/jobs-function'

export interface JobRunnerOptions {
  jobs: readonly Job[]
  /** The jobs' dependencies; their clock is the stack's, which the schedules are read against. */
  deps: JobDeps
  /** How often (real time) the runner looks for jobs that are due; default 5 s. */
  tickMs?: number
  /** Told about every finished run. */
  onRun?: (run: CompletedRun) => void
  /** Told about every failed run; the job runs again at the next tick. */
  onError?: (job: string, error: unknown) => void
}

/** A job of the runner and when it runs next, by the stack's clock. */
export interface ScheduledJob {
  name: string
  schedule: string
  description: string
  nextRunAt: Date | undefined
}

export interface JobRunner {
  /**
   * Runs one job now (as if at `now` when given), after the run of it in progress if any, and
   * resolves with what it did; rejects with the job's error, or for an unknown name.
   */
  run(name: string, now?: Date): Promise<CompletedRun>
  /** Every job and when it runs next. */
  jobs(): ScheduledJob[]
  /** Stops the ticks and waits for the runs in progress. */
  stop(): Promise<void>
}

interface JobState {
  job: Job
  next: Date | undefined
  /** The run in progress (scheduled or by hand): a job never runs twice at once. */
  running: Promise<unknown> | undefined
}

/**
 * Runs every job on its schedule against the stack's clock, the way EventBridge Scheduler does in
 * AWS: each job once at start-up (catching up on whatever fell due while the stack was down), then
 * at each time its schedule names. One run of a job at a time; a failed run is reported and tried
 * again at the next tick.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { deps } = options
  const states = new Map<string, JobState>(
    options.jobs.map((job) => [job.name, { job, next: deps.clock.now(), running: undefined }]),
  )
  let stopped = false

  /** Runs the job once its run in progress, if any, has finished. */
  function runAfterCurrent(state: JobState, now?: Date): Promise<CompletedRun> {
    const previous = state.running ?? Promise.resolve()
    const run = previous.then(
      () => runJob(state.job, deps, now),
      () => runJob(state.job, deps, now),
    )
    const running = run.finally(() => {
      if (state.running === running) state.running = undefined
    })
    state.running = running
    // The caller gets the outcome; the state's copy must not count as unhandled.
    running.catch(() => undefined)
    return run
  }

  function tick(): void {
    for (const state of states.values()) {
      const startedAt = deps.clock.now()
      if (stopped || state.running || !state.next || startedAt < state.next) continue
      state.next = nextRun(state.job.schedule, startedAt)
      runAfterCurrent(state, startedAt).then(
        (run) => options.onRun?.(run),
        (error: unknown) => {
          state.next = startedAt
          options.onError?.(state.job.name, error)
        },
      )
    }
  }

  tick()
  const timer = setInterval(tick, options.tickMs ?? 5_000)
  timer.unref()

  return {
    run(name, now) {
      const state = states.get(name)
      if (!state) return Promise.reject(new Error(`Unknown job "${name}"`))
      return runAfterCurrent(state, now)
    },
    jobs: () =>
      [...states.values()].map(({ job, next }) => ({
        name: job.name,
        schedule: job.schedule,
        description: job.description,
        nextRunAt: next,
      })),
    async stop() {
      stopped = true
      clearInterval(timer)
      await Promise.allSettled([...states.values()].map((state) => state.running))
    },
  }
}
