import { randomBytes, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { listen } from '../web-server.ts'
import type { JobRunner } from './runner.ts'

/** Where `pnpm job` asks the running stack to run a job, and the token it must show. */
export interface JobControl {
  url: string
  token: string
  close(): Promise<void>
}

/**
 * A small HTTP server on 127.0.0.1 through which `pnpm job` runs a job inside the running stack
 * (with its wiring, clock and mail delivery, one run of a job at a time):
 * `GET /jobs` lists them, `POST /jobs/<name>` with `{ "now"?: ISO time }` runs one and answers its
 * report. Every request must carry the token the stack wrote to its stack file.
 */
export async function startJobControl(runner: JobRunner, port = 0): Promise<JobControl> {
  const token = randomBytes(24).toString('base64url')
  const app = new Hono()
  app.use('*', async (c, next) => {
    const given = Buffer.from(c.req.header('authorization') ?? '')
    const expected = Buffer.from(`Bearer ${token}`)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json({ error: 'Send the token from the stack file' }, 401)
    }
    await next()
  })
  app.get('/jobs', (c) => c.json({ jobs: runner.jobs() }))
  app.post('/jobs/:name', async (c) => {
    const name = c.req.param('name')
    if (!runner.jobs().some((job) => job.name === name)) {
      return c.json({ error: `Unknown job "${name}"`, jobs: runner.jobs() }, 404)
    }
    const body = (await c.req.json().catch(() => ({}))) as { now?: unknown }
    const now = typeof body.now === 'string' ? new Date(body.now) : undefined
    if (now && Number.isNaN(now.getTime())) return c.json({ error: `Not a time: ${String(body.now)}` }, 400)
    try {
      const run = await runner.run(name, now)
      return c.json({ ...run, now: run.now.toISOString() })
    } catch (error) {
      return c.json(
        { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
        500,
      )
    }
  })
  const server = await listen(app, port)
  return { url: `http://127.0.0.1:${server.port}`, token, close: server.close }
}
