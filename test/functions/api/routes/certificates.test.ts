import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import {
  DAY,
  makeCourse,
  makePartner,
  makeQuestionnaireResponse,
  makeSession,
  NOW,
  partAt,
} from '../../../support/factories.ts'
import { pdfText } from '../../../support/pdf-text.ts'
import { staffToken } from '../../../support/staff.ts'
import { booked, createTestApi, type TestApi, withToken } from '../support.ts'

const FIRST = new Date(NOW.getTime() + 2 * DAY)

describe('certificates API', () => {
  let api: TestApi
  let trainer: string
  const people: Record<string, { id: string; token: string }> = {}

  const get = (path: string, token?: string) => api.app.request(path, token ? withToken(token) : {})
  const attend = (sessionId: string, bookingId: string) =>
    api.app.request(
      `/api/trainer/sessions/${sessionId}/parts/0/register/changes`,
      withToken(trainer, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          changes: [{ kind: 'mark', key: `m-${bookingId}`, subject: bookingId, mark: 'present' }],
        }),
      }),
    )

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putPartner(makePartner({ id: 'talking-together', name: 'Talking Together' }))
    await api.catalogue.putCourse(makeCourse({ id: 'on-post', title: 'Early communication', cpdHours: 2 }))
    await api.catalogue.putCourse(
      makeCourse({ id: 'on-attendance', title: 'Sensory play', certificateOn: 'attendance' }),
    )
    await storeSessions(
      api.table,
      makeSession({
        id: 's-post',
        courseId: 'on-post',
        parts: [partAt(FIRST)],
        trainerIds: ['trainer-amira'],
      }),
      makeSession({
        id: 's-att',
        courseId: 'on-attendance',
        parts: [partAt(FIRST)],
        trainerIds: ['trainer-amira'],
      }),
    )
    for (const [who, session] of [
      ['ada', 's-post'],
      ['grace', 's-att'],
      ['mary', 's-att'],
    ] as const) {
      const body = await booked(api, session, { email: `${who}@example.org`, name: `${who} Lovelace` })
      people[who] = { id: body.id, token: body.manageToken }
    }
    trainer = await staffToken('trainer-amira')
  })

  it('answers 409 saying why until the booking is attended, and 404 to a wrong token', async () => {
    const grace = people.grace
    if (!grace) throw new Error('no booking')
    const res = await get(`/api/bookings/${grace.id}/certificate.pdf`, grace.token)
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({
      code: 'certificate-not-offered',
      detail: expect.stringContaining('attended'),
    })
    expect(await (await get(`/api/bookings/${grace.id}/certificate`, grace.token)).json()).toEqual({
      status: 'not-attended',
    })
    expect((await get(`/api/bookings/${grace.id}/certificate.pdf`, 'wrong')).status).toBe(404)
  })

  it('offers the certificate on attendance alone where the course says so; the PDF names the person and course, and its code verifies', async () => {
    const grace = people.grace
    if (!grace) throw new Error('no booking')
    expect((await attend('s-att', grace.id)).status).toBe(200)
    const offer = await (await get(`/api/bookings/${grace.id}/certificate`, grace.token)).json()
    expect(offer).toEqual({
      status: 'offered',
      code: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/),
    })
    const res = await get(`/api/bookings/${grace.id}/certificate.pdf`, grace.token)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(await res.arrayBuffer())
    expect(text).toContain('grace Lovelace')
    expect(text).toContain('Sensory play')
    expect(text).toContain(offer.code)
    expect(text).toContain(`/verify/?code=${offer.code}`)
    expect(text).toContain('on Wednesday 4 March 2026')
    expect(text).toContain('Delivered by Talking Together')

    const verified = await get(`/api/certificates/${offer.code.toLowerCase().replaceAll('-', ' ')}`)
    expect(verified.status).toBe(200)
    expect(await verified.json()).toEqual({
      name: 'grace Lovelace',
      course: 'Sensory play',
      date: 'Wednesday 4 March 2026',
    })
  })

  it('waits for the post questionnaire by default, naming it, then offers the certificate', async () => {
    const ada = people.ada
    if (!ada) throw new Error('no booking')
    await attend('s-post', ada.id)
    const refused = await get(`/api/bookings/${ada.id}/certificate.pdf`, ada.token)
    expect(refused.status).toBe(409)
    expect((await refused.json()).detail).toBe(
      'Answer the post-session questionnaire to get your certificate.',
    )
    await api.deps.questionnaires.saveResponse(
      makeQuestionnaireResponse({ bookingId: ada.id, kind: 'post', sessionId: 's-post' }),
    )
    expect((await get(`/api/bookings/${ada.id}/certificate.pdf`, ada.token)).status).toBe(200)
  })

  it('answers 404 problem+json for an unknown code', async () => {
    const res = await get('/api/certificates/0000-0000-0000')
    expect(res.status).toBe(404)
    expect((await res.json()).code).toBe('certificate-not-found')
  })
})
