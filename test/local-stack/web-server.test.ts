import { createWebApp, listen } from '@ey/local-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

describe('the local web server', () => {
  let web: Awaited<ReturnType<typeof listen>>

  beforeAll(async () => {
    // An API that answers the viewer address it was handed, and the body it read.
    const api = {
      fetch: async (request: Request) =>
        Response.json({ address: request.headers.get('x-viewer-address'), body: await request.text() }),
    }
    web = await listen(createWebApp(api), 0)
  })
  afterAll(() => web.close())

  it('hands the API its socket address as x-viewer-address, whatever the client sent', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/bookings/lookup`, {
      method: 'POST',
      headers: { 'x-viewer-address': '203.0.113.99', 'Content-Type': 'application/json' },
      body: '{"email":"ada@example.org"}',
    })
    expect(await res.json()).toEqual({ address: '127.0.0.1', body: '{"email":"ada@example.org"}' })
  })
})
