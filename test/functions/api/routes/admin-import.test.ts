import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'

let call: AdminCall

beforeAll(async () => {
  ;({ call } = await createAdminTestApi())
})

describe('/api/admin/sessions/import', () => {
  const csv = readFileSync(new URL('../../../fixtures/sessions-import.csv', import.meta.url), 'utf8')
  const upload = (path: string, body: string, type = 'text/csv') =>
    call(path, { method: 'POST', body, headers: { 'Content-Type': type } })

  it('offers a template with a header and one example row', async () => {
    const response = await call('/sessions/import/template.csv')
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect((await response.text()).trim().split('\r\n')).toHaveLength(2)
  })

  it('previews every row with its errors and imports none while any row is wrong', async () => {
    const before = (await (await call('/sessions')).json()).items.length
    const preview = await (await upload('/sessions/import/preview', csv)).json()
    expect(preview.valid).toBe(2)
    expect(
      preview.rows
        .filter((r: { errors: unknown[] }) => r.errors.length > 0)
        .map((r: { row: number }) => r.row),
    ).toEqual([4, 5])

    const refused = await upload('/sessions/import', csv)
    expect(refused.status).toBe(400)
    expect((await refused.json()).errors).toContainEqual({
      field: 'row 4, capacity',
      message: expect.any(String),
    })
    expect((await (await call('/sessions')).json()).items).toHaveLength(before)
  })

  it('imports every row of a good file, and refuses a file sent as JSON with 415', async () => {
    const good = csv.split('\n').slice(0, 3).join('\n')
    const response = await upload('/sessions/import', good)
    expect(response.status).toBe(201)
    expect((await response.json()).created).toBe(2)
    expect((await upload('/sessions/import', good, 'application/json')).status).toBe(415)
  })
})
