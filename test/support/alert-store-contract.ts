import { randomUUID } from 'node:crypto'
import type { AlertScope, InterestAlert, InterestAlertStore } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LEEDS, makeAlert, NOW, WESTMINSTER } from './factories.ts'

const BRADFORD = 'E08000032'

/** The open counts of one course, by LA, leaving out LAs whose count is back to 0. */
async function countsOf(store: InterestAlertStore, courseId: string): Promise<Record<string, number>> {
  const counts = (await store.openAlertCounts()).filter((c) => c.courseId === courseId && c.open !== 0)
  return Object.fromEntries(counts.map((c) => [c.laCode, c.open]))
}

/** One step of a random run: a person asks, or an alert is closed (sent) or stopped. */
type Step =
  | { kind: 'ask'; person: number; laCode: string; scope: AlertScope }
  | { kind: 'close' | 'stop'; pick: number }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('ask' as const),
    person: fc.integer({ min: 0, max: 3 }),
    laCode: fc.constantFrom(LEEDS, WESTMINSTER, BRADFORD),
    scope: fc.constantFrom<AlertScope>('la', 'region', 'online'),
  }),
  fc.record({ kind: fc.constantFrom('close' as const, 'stop' as const), pick: fc.nat() }),
)

/**
 * The contract every `InterestAlertStore` honours: examples of the port's documented answers, then
 * random runs of asks, closes and stops with the invariants checked after each step (one open
 * alert per address and course; the counts equal the open alerts by LA). Every test uses a course
 * of its own, so one store (one table) serves them all.
 */
export function describeAlertStoreContract(
  name: string,
  makeStore: () => Promise<InterestAlertStore>,
  options: { numRuns: number },
): void {
  const course = () => `course-${randomUUID()}`
  /** An alert with an id of its own (the store is shared by every test). */
  const alertOf = (overrides: Partial<InterestAlert>) =>
    makeAlert({ id: `alert-${randomUUID()}`, ...overrides })
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

  describe(`${name}: the interest alert store contract`, () => {
    it('opens an alert, lists it among the course’s open alerts and counts it by LA', async () => {
      const store = await makeStore()
      const courseId = course()
      const alert = alertOf({ courseId })
      expect(await store.openAlert(alert)).toEqual(alert)
      expect(await store.getAlert(alert.id)).toEqual(alert)
      expect(await store.openAlertsOf(courseId)).toEqual([alert])
      expect(await countsOf(store, courseId)).toEqual({ [LEEDS]: 1 })
    })

    it('keeps one open alert per address and course: asking again changes its LA and scope', async () => {
      const store = await makeStore()
      const courseId = course()
      const first = await store.openAlert(alertOf({ courseId }))
      const same = await store.openAlert(alertOf({ courseId }))
      expect(same).toEqual(first)
      const moved = await store.openAlert(
        makeAlert({
          courseId,
          id: `c-${randomUUID()}`,
          laCode: WESTMINSTER,
          scope: 'online',
          updatedAt: at(5).toISOString(),
        }),
      )
      expect(moved).toEqual({
        ...first,
        laCode: WESTMINSTER,
        scope: 'online',
        updatedAt: at(5).toISOString(),
      })
      expect(await store.openAlertsOf(courseId)).toEqual([moved])
      expect(await countsOf(store, courseId)).toEqual({ [WESTMINSTER]: 1 })
    })

    it('tells addresses apart, and courses apart', async () => {
      const store = await makeStore()
      const [one, two] = [course(), course()]
      await store.openAlert(alertOf({ courseId: one }))
      await store.openAlert(
        makeAlert({
          courseId: one,
          id: `b-${randomUUID()}`,
          email: 'b@example.org',
          emailKey: 'b@example.org',
        }),
      )
      await store.openAlert(alertOf({ courseId: two }))
      expect(await store.openAlertsOf(one)).toHaveLength(2)
      expect(await countsOf(store, one)).toEqual({ [LEEDS]: 2 })
      expect(await countsOf(store, two)).toEqual({ [LEEDS]: 1 })
    })

    it('closes an open alert once, for the first session: later closes answer it unchanged', async () => {
      const store = await makeStore()
      const courseId = course()
      const alert = await store.openAlert(alertOf({ courseId }))
      const sent = await store.closeAlert(alert.id, { sessionId: 's-1', at: at(10) })
      expect(sent).toEqual({
        ...alert,
        status: 'sent',
        sentSessionId: 's-1',
        updatedAt: at(10).toISOString(),
        closedAt: at(10).toISOString(),
      })
      expect(await store.closeAlert(alert.id, { sessionId: 's-2', at: at(20) })).toEqual(sent)
      expect(await store.getAlert(alert.id)).toEqual(sent)
      expect(await store.openAlertsOf(courseId)).toEqual([])
      expect(await countsOf(store, courseId)).toEqual({})
    })

    it('lets the person ask again once their alert is sent: a new alert, counted again', async () => {
      const store = await makeStore()
      const courseId = course()
      const first = await store.openAlert(alertOf({ courseId }))
      await store.closeAlert(first.id, { sessionId: 's-1', at: at(10) })
      const again = await store.openAlert(alertOf({ courseId }))
      expect(again.id).not.toBe(first.id)
      expect(await store.openAlertsOf(courseId)).toEqual([again])
      expect(await countsOf(store, courseId)).toEqual({ [LEEDS]: 1 })
    })

    it('stops an open alert (its count falls) and a sent one (its count was already closed)', async () => {
      const store = await makeStore()
      const courseId = course()
      const open = await store.openAlert(alertOf({ courseId }))
      const sent = await store.openAlert(
        alertOf({ courseId, email: 'b@example.org', emailKey: 'b@example.org' }),
      )
      await store.closeAlert(sent.id, { sessionId: 's-1', at: at(10) })
      expect(await countsOf(store, courseId)).toEqual({ [LEEDS]: 1 })

      const stopped = await store.stopAlert(open.id, at(20))
      expect(stopped).toMatchObject({ status: 'stopped', closedAt: at(20).toISOString() })
      expect(await store.stopAlert(sent.id, at(30))).toMatchObject({
        status: 'stopped',
        sentSessionId: 's-1',
        closedAt: at(10).toISOString(),
      })
      expect(await store.stopAlert(open.id, at(40))).toEqual(stopped)
      expect(await store.closeAlert(open.id, { sessionId: 's-2', at: at(50) })).toEqual(stopped)
      expect(await countsOf(store, courseId)).toEqual({})
      expect(await store.openAlertsOf(courseId)).toEqual([])
    })

    it('refuses a new alert whose id is taken', async () => {
      const store = await makeStore()
      const alert = await store.openAlert(alertOf({ courseId: course() }))
      await expect(store.openAlert({ ...alert, courseId: course() })).rejects.toMatchObject({
        code: 'already-exists',
      })
    })

    it('answers undefined for an unknown alert', async () => {
      const store = await makeStore()
      const id = `missing-${randomUUID()}`
      expect(await store.getAlert(id)).toBeUndefined()
      expect(await store.closeAlert(id, { sessionId: 's-1', at: at(1) })).toBeUndefined()
      expect(await store.stopAlert(id, at(1))).toBeUndefined()
    })

    it('keeps one open alert when the same person asks many times at once', async () => {
      const store = await makeStore()
      const courseId = course()
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.openAlert(alertOf({ courseId, scope: i % 2 ? 'la' : 'online' })),
        ),
      )
      const open = await store.openAlertsOf(courseId)
      expect(open).toHaveLength(1)
      expect(new Set(answers.map((a) => a.id))).toEqual(new Set([open[0]?.id]))
      expect(await countsOf(store, courseId)).toEqual({ [LEEDS]: 1 })
    })

    it('counts a close and a stop racing for one open alert once', async () => {
      const store = await makeStore()
      const courseId = course()
      const alert = await store.openAlert(alertOf({ courseId }))
      await Promise.all([
        store.closeAlert(alert.id, { sessionId: 's-1', at: at(1) }),
        store.stopAlert(alert.id, at(1)),
        store.closeAlert(alert.id, { sessionId: 's-2', at: at(1) }),
      ])
      expect(await countsOf(store, courseId)).toEqual({})
      expect((await store.getAlert(alert.id))?.status).toMatch(/^(sent|stopped)$/)
    })

    it('keeps the counts equal to the open alerts over random asks, closes and stops', async () => {
      const store = await makeStore()
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
          const courseId = course()
          /** The model: each person's open alert. */
          const open = new Map<number, Pick<InterestAlert, 'id' | 'laCode' | 'scope'>>()
          const ids: string[] = []
          for (const [i, step] of steps.entries()) {
            if (step.kind === 'ask') {
              const email = `p${step.person}@example.org`
              const stored = await store.openAlert(
                alertOf({
                  courseId,
                  email,
                  emailKey: email,
                  laCode: step.laCode,
                  scope: step.scope,
                  updatedAt: at(i).toISOString(),
                }),
              )
              expect(stored.id).toBe(open.get(step.person)?.id ?? stored.id)
              open.set(step.person, { id: stored.id, laCode: step.laCode, scope: step.scope })
              ids.push(stored.id)
            } else if (ids.length > 0) {
              const id = ids[step.pick % ids.length] as string
              if (step.kind === 'close') await store.closeAlert(id, { sessionId: `s-${i}`, at: at(i) })
              else await store.stopAlert(id, at(i))
              for (const [person, alert] of open) if (alert.id === id) open.delete(person)
            }
            const stored = await store.openAlertsOf(courseId)
            expect(stored.map(({ id, laCode, scope }) => ({ id, laCode, scope })).sort(byId)).toEqual(
              [...open.values()].sort(byId),
            )
            const expected: Record<string, number> = {}
            for (const { laCode } of open.values()) expected[laCode] = (expected[laCode] ?? 0) + 1
            expect(await countsOf(store, courseId)).toEqual(expected)
          }
        }),
        { numRuns: options.numRuns },
      )
    }, 120_000)
  })
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
