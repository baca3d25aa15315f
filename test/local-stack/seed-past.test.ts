import type { CertificateOfferView, ResultsView, SessionPage } from '@ey/contract'
import { londonParts, sendQuestionnaireInvitations, sessionEnd } from '@ey/domain'
import { type LocalStack, signInAs, startLocalStack } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pastSessions } from '../../packages/local-stack/src/seed/past-sessions.ts'
import { copySeededData, seededData } from '../support/seeded-data.ts'

describe('last term’s sessions in the demo data', () => {
  it('are the same for the same day, and all ended days before it', () => {
    const today = '2026-11-23'
    const sessions = pastSessions(today)
    expect(pastSessions(today)).toEqual(sessions)
    expect(sessions.length).toBeGreaterThanOrEqual(24)
    for (const { input } of sessions) {
      const last = input.parts.at(-1)?.date ?? ''
      expect(last < today).toBe(true)
    }
    expect(new Set(sessions.map((s) => s.input.courseId)).size).toBe(9)
  })
})

describe('a freshly seeded stack', () => {
  let stack: LocalStack
  let admin: string
  let removeData = () => {}

  beforeAll(async () => {
    // On a copy of the run's demo programme, seeded once by the first to ask (`seededData`).
    const copy = copySeededData(await seededData(inject('seededDataDir')))
    removeData = copy.remove
    stack = await startLocalStack({ dataDir: copy.dataDir, seed: true, mail: false, jobs: false })
    admin = await signInAs(stack.issuerUrl, 'admin')
  }, 600_000)
  afterAll(async () => {
    await stack?.stop()
    removeData()
  })

  const results = async (query: Record<string, string>) => {
    const res = await fetch(`${stack.webUrl}/api/staff/results?${new URLSearchParams(query)}`, {
      headers: { Authorization: `Bearer ${admin}` },
    })
    expect(res.status).toBe(200)
    return (await res.json()) as ResultsView
  }
  const confidence = (view: ResultsView) => view.ratings.find((rating) => rating.tag === 'confidence')

  it('answers a past session’s results with real figures', async () => {
    const view = await results({ sessionId: 'past-02' })
    expect(view.responses.pre).toBeGreaterThan(0)
    expect(view.responses.post).toBeGreaterThan(0)
    expect(view.responses.matched).toBeGreaterThan(0)
    expect(confidence(view)?.n).toBeGreaterThan(0)
    expect(Number(confidence(view)?.meanBefore)).toBeLessThan(Number(confidence(view)?.meanAfter))
    expect(view.freeText?.length).toBeGreaterThan(0)
  })

  it('answers a course’s results over last term, follow-ups included', async () => {
    const today = londonParts(stack.clock.now()).date
    const from = pastSessions(today).at(-2)?.input.parts[0]?.date ?? ''
    const view = await results({ courseId: 'slcn-core', from, to: today })
    expect(view.sessions).toBeGreaterThanOrEqual(3)
    expect(view.responses.post).toBeGreaterThanOrEqual(10)
    const rating = confidence(view)
    expect(Number(rating?.n)).toBeGreaterThanOrEqual(10)
    expect(Number(rating?.meanBefore)).toBeLessThan(Number(rating?.meanAfter))
    expect(Number(rating?.share45Before)).toBeLessThan(Number(rating?.share45After))
    expect(view.responses.followUp).toBeGreaterThan(0)
  })

  it('settled the registers: attended and no-show bookings, and a certificate for an attended one', async () => {
    const core = wireCore(await coreConfigFromEnv(stack.env), coreClients(await coreConfigFromEnv(stack.env)))
    const bookings = (
      await Promise.all(pastSessions('2026-11-23').map(({ id }) => core.registers.sessionBookings(id)))
    ).flat()
    expect(bookings.some((booking) => booking.status === 'no-show')).toBe(true)
    const post = (await core.questionnaires.forSessions(['past-02'])).find((r) => r.kind === 'post')
    const attended = bookings.find((booking) => booking.id === post?.bookingId)
    expect(attended?.status).toBe('attended')
    expect(sessionEnd(attended?.session ?? { parts: [] }).getTime()).toBeLessThan(stack.clock.now().getTime())

    const token = core.tokens.issue(attended?.id ?? '')
    const offer = (await (
      await fetch(`${stack.webUrl}/api/bookings/${attended?.id}/certificate`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as CertificateOfferView
    expect(offer.status).toBe('offered')
    const verified = await fetch(`${stack.webUrl}/api/certificates/${offer.code}`)
    expect(verified.status).toBe(200)
    expect(await verified.json()).toMatchObject({ name: attended?.person.name })
  })

  it('never lists a past session as bookable', async () => {
    const page = (await (await fetch(`${stack.webUrl}/api/sessions?limit=100`)).json()) as SessionPage
    expect(page.items.length).toBeGreaterThan(10)
    expect(page.items.filter((session) => session.id.startsWith('past-'))).toEqual([])
  })

  it('records the demo bookings as invited, so the invitations job emails none of them', async () => {
    const config = await coreConfigFromEnv(stack.env)
    const core = wireCore(config, coreClients(config))
    const tomorrow = new Date(stack.clock.now().getTime() + 86_400_000)
    const report = await sendQuestionnaireInvitations(core, tomorrow)
    expect(report.looked).toBeGreaterThan(10)
    expect(report.queued).toBe(0)
  })
})
