import { createApp, wireApi } from '@ey/api'
import { describe, expect, it } from 'vitest'
import { createTestTable } from '../../../support/dynamo.ts'
import { staffToken } from '../../../support/staff.ts'
import { recordingLogger, testApiConfig } from '../support.ts'

// Who else is refused (403) is the authorization matrix's to check.
describe('GET /api/admin/settings', () => {
  it('answers administrators with the default reminders this deployment is configured with', async () => {
    const table = await createTestTable()
    const config = { ...testApiConfig(table), reminderLeadsMinutes: [10080, 30] }
    const app = createApp(wireApi(config, table, { logger: recordingLogger() }))
    const res = await app.request('/api/admin/settings', {
      headers: { Authorization: `Bearer ${await staffToken('admin')}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(await res.json()).toEqual({ reminderLeadsMinutes: [10080, 30] })
  })
})
