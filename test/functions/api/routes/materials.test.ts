import { localFileServer } from '@ey/files'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { DAY, makeCourse, makeSession, NOW, partAt } from '../../../support/factories.ts'
import { staffToken } from '../../../support/staff.ts'
import { booked, createTestApi, type TestApi, testApiConfig, withToken } from '../support.ts'

const PDF = new TextEncoder().encode('%PDF-1.7 week one slides')
const SESSION = '/api/trainer/sessions/s-mat/materials'
const COURSE = '/api/admin/courses/mat-course/materials'

describe('materials API', () => {
  let api: TestApi
  let amira: string
  let ben: string
  let admin: string
  let files: (request: Request) => Promise<Response>
  let ada: { id: string; manageToken: string }

  const send = (path: string, token: string, method = 'GET', body?: unknown) =>
    api.app.request(
      path,
      withToken(token, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      }),
    )
  const asFile = (url: string, init?: RequestInit) => files(new Request(url, init))

  /** Asks for an upload link, sends the file to it, and confirms it. */
  async function uploadPdf(path: string, token: string, title: string, audience = 'booked') {
    const request = { fileName: 'week-1.pdf', contentType: 'application/pdf', size: PDF.length }
    const ticket = await (await send(`${path}/uploads`, token, 'POST', request)).json()
    const put = await asFile(ticket.url, { method: 'PUT', headers: ticket.headers, body: PDF })
    expect(put.status).toBe(200)
    return send(`${path}/files`, token, 'POST', { key: ticket.key, ...request, title, audience })
  }

  beforeAll(async () => {
    api = await createTestApi()
    const config = testApiConfig(api.table).materialFiles
    if (config.kind !== 'local') throw new Error('The test API keeps material files in a folder')
    files = localFileServer(config, api.deps.clock)
    await api.catalogue.putCourse(makeCourse({ id: 'mat-course' }))
    await storeSessions(
      api.table,
      makeSession({
        id: 's-mat',
        courseId: 'mat-course',
        parts: [partAt(new Date(NOW.getTime() + 2 * DAY))],
        trainerIds: ['trainer-amira'],
      }),
    )
    ada = await booked(api, 's-mat', { email: 'ada@example.org' })
    ;[amira, ben, admin] = await Promise.all([
      staffToken('trainer-amira'),
      staffToken('trainer-ben'),
      staffToken('admin'),
    ])
  })

  it('lets the session’s trainer add a link and upload a file, and lists both with working links', async () => {
    const link = await send(`${SESSION}/links`, amira, 'POST', {
      title: 'Makaton signs',
      url: 'https://example.org/signs',
    })
    expect(link.status).toBe(201)
    expect(await link.json()).toMatchObject({
      kind: 'link',
      audience: 'booked',
      href: 'https://example.org/signs',
      scope: 'session',
    })
    const file = await uploadPdf(SESSION, amira, 'Week 1 slides')
    expect(file.status).toBe(201)

    const { items } = await (await send(SESSION, amira)).json()
    expect(items.map((item: { title: string }) => item.title)).toEqual(['Makaton signs', 'Week 1 slides'])
    const download = await asFile(items[1].href)
    expect(download.status).toBe(200)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF)
  })

  it.each([
    ['http:', 'http://example.org/signs'],
    ['javascript:', 'javascript:alert(1)'],
  ])('refuses a %s link, naming the url', async (_scheme, url) => {
    const response = await send(`${SESSION}/links`, amira, 'POST', { title: 'Bad', url })
    expect(response.status).toBe(400)
    expect((await response.json()).errors).toEqual([expect.objectContaining({ field: 'url' })])
  })

  it.each([
    [{ fileName: 'run.exe', contentType: 'application/x-msdownload', size: 10 }, 'contentType'],
    [{ fileName: 'huge.pdf', contentType: 'application/pdf', size: 21 * 1024 * 1024 }, 'size'],
    [{ fileName: 'film.mp4', contentType: 'video/mp4', size: 201 * 1024 * 1024 }, 'size'],
  ])('answers 422 naming the field for a file it does not take (%o)', async (file, field) => {
    const response = await send(`${SESSION}/uploads`, amira, 'POST', file)
    expect(response.status).toBe(422)
    expect(response.headers.get('Content-Type')).toBe('application/problem+json')
    expect((await response.json()).errors).toEqual([expect.objectContaining({ field })])
  })

  it('refuses to confirm a file that never arrived (409) or arrived larger than signed for (422, deleted)', async () => {
    const request = { fileName: 'notes.pdf', contentType: 'application/pdf', size: 10 }
    const ticket = await (await send(`${SESSION}/uploads`, amira, 'POST', request)).json()
    const confirm = { key: ticket.key, ...request, title: 'Notes' }
    expect((await send(`${SESSION}/files`, amira, 'POST', confirm)).status).toBe(409)
    expect(
      (
        await send(`${SESSION}/files`, amira, 'POST', {
          ...confirm,
          key: 'materials/session/other/x/notes.pdf',
        })
      ).status,
    ).toBe(409)

    await api.deps.materialFiles.put({
      key: ticket.key,
      contentType: 'application/pdf',
      body: new Uint8Array(21 * 1024 * 1024),
    })
    const tooBig = await send(`${SESSION}/files`, amira, 'POST', confirm)
    expect(tooBig.status).toBe(422)
    expect(await api.deps.materialFiles.stat(ticket.key)).toBeUndefined()
  })

  it('refuses another trainer’s session (403), and a course to a trainer (403)', async () => {
    expect((await send(SESSION, ben)).status).toBe(403)
    expect(
      (await send(`${SESSION}/links`, ben, 'POST', { title: 'X', url: 'https://example.org' })).status,
    ).toBe(403)
    expect((await send(COURSE, amira)).status).toBe(403)
  })

  it('shows an attendee the session’s and course’s materials only after the session, and a stranger nothing', async () => {
    await send(`${COURSE}/links`, admin, 'POST', {
      title: 'Course reading list',
      url: 'https://example.org/reading',
    })
    const before = await api.app.request(`/api/bookings/${ada.id}/materials`, withToken(ada.manageToken))
    expect(before.status).toBe(200)
    expect(await before.json()).toEqual({ access: 'after-session', items: [] })
    expect(
      (await api.app.request(`/api/bookings/${ada.id}/materials`, withToken('not-the-token'))).status,
    ).toBe(404)
    expect((await api.app.request(`/api/bookings/${ada.id}/materials`)).status).toBe(401)

    api.deps.clock.advance(3 * DAY)
    const after = await (
      await api.app.request(`/api/bookings/${ada.id}/materials`, withToken(ada.manageToken))
    ).json()
    expect(after.access).toBe('available')
    expect(after.items.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining(['Makaton signs', 'Week 1 slides', 'Course reading list']),
    )
    const file = after.items.find((item: { kind: string }) => item.kind === 'file')
    expect((await asFile(file.href)).status).toBe(200)
    api.deps.clock.advance(6 * 60_000)
    expect((await asFile(file.href)).status).toBe(403)
    expect(
      (await api.app.request(`/api/bookings/${ada.id}/materials`, withToken('not-the-token'))).status,
    ).toBe(404)
  })

  it('shows only public course materials on the public API', async () => {
    await send(`${COURSE}/links`, admin, 'POST', {
      title: 'Open guide',
      url: 'https://example.org/guide',
      audience: 'public',
    })
    const { items } = await (await api.app.request('/api/courses/mat-course/materials')).json()
    expect(items.map((item: { title: string }) => item.title)).toEqual(['Open guide'])
  })

  it('removes a material and its file; removing it again is 404', async () => {
    const added = await (await uploadPdf(COURSE, admin, 'Handout')).json()
    const { storageKey } = (await api.deps.materials.listOf({ kind: 'course', id: 'mat-course' })).find(
      (material) => material.id === added.id,
    ) as { storageKey: string }
    expect((await send(`${COURSE}/${added.id}`, admin, 'DELETE')).status).toBe(204)
    expect(await api.deps.materialFiles.stat(storageKey)).toBeUndefined()
    expect((await send(`${COURSE}/${added.id}`, admin, 'DELETE')).status).toBe(404)
  })
})
