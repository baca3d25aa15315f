import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { VIEWER_ADDRESS_HEADER } from '@ey/api'
import { LOCAL_FILES_PATH } from '@ey/files'
import { securityHeaderLines } from '@ey/presentation/security-headers'
import { type ServerType, serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'

/**
 * The site's security headers, set on every page the local server sends, so the browser tests and
 * audits check the pages under the policy they are written for (no inline scripts or styles). The
 * same definition as CloudFront's response headers policy in AWS.
 */
export const SECURITY_HEADERS: Record<string, string> = securityHeaderLines()

/**
 * The request as the API is handed it: `x-viewer-address` set to the connection's own address,
 * replacing any the client sent, as CloudFront's viewer-request function does in AWS, so a client
 * cannot choose the address its requests are counted under.
 */
export function withViewerAddress(request: Request, remoteAddress: string | undefined): Request {
  const headers = new Headers(request.headers)
  headers.set(VIEWER_ADDRESS_HEADER, remoteAddress ?? 'unknown')
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(request.url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
    signal: request.signal,
  } as RequestInit)
}

/**
 * One origin: the API app under `/api`, the signed links of material files under `/local-files/`
 * (standing in for S3's) and, when built, the static site from `siteDir`.
 */
export function createWebApp(
  api: { fetch: (request: Request) => Response | Promise<Response> },
  siteDir?: string,
  files?: (request: Request) => Promise<Response>,
): Hono {
  const web = new Hono()
  const toApi = (c: Context) => api.fetch(withViewerAddress(c.req.raw, getConnInfo(c).remote.address))
  web.all('/api/*', toApi)
  web.all('/api', toApi)
  if (files) web.on(['GET', 'PUT'], `${LOCAL_FILES_PATH}*`, (c) => files(c.req.raw))
  if (siteDir && existsSync(siteDir)) {
    const root = relative(process.cwd(), siteDir) || '.'
    web.use('*', async (c, next) => {
      await next()
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
    })
    web.use('*', serveStatic({ root }))
    const notFoundPage = join(siteDir, '404.html')
    web.notFound((c) =>
      existsSync(notFoundPage) ? c.html(readFileSync(notFoundPage, 'utf8'), 404) : c.text('Not found', 404),
    )
  }
  return web
}

/** Serves `app` on 127.0.0.1 and resolves once it listens. */
export function listen(
  app: Hono,
  port: number,
): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolve({
        server,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections()
            server.close(() => done())
          }),
      }),
    )
    server.once('error', reject)
  })
}
