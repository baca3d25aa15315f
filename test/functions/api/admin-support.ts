import { makeCourse, makePartner } from '../../support/factories.ts'
import { staffToken } from '../../support/staff.ts'
import { createTestApi, type TestApi } from './support.ts'

export type AdminCall = (
  path: string,
  init?: RequestInit & { json?: unknown; token?: string },
) => Promise<Response>

/**
 * The app on a table of its own with one partner and course, and `call`, which requests
 * `/api/admin<path>` as an administrator (or with `token`), sending `json` as the body.
 */
export async function createAdminTestApi(): Promise<{ api: TestApi; call: AdminCall }> {
  const api = await createTestApi()
  await api.catalogue.putPartner(makePartner())
  await api.catalogue.putCourse(makeCourse())
  const admin = await staffToken('admin')
  const call: AdminCall = async (path, init = {}) => {
    const { json, token = admin, ...rest } = init
    return api.app.request(`/api/admin${path}`, {
      ...rest,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...rest.headers,
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    })
  }
  return { api, call }
}
