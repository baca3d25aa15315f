import type { Context } from 'hono'

/**
 * The header carrying the client's address. CloudFront's viewer-request function sets it from
 * the viewer's IP, replacing whatever the client sent; the local web server sets it from its socket
 * the same way. Nothing else may be trusted to set it.
 */
export const VIEWER_ADDRESS_HEADER = 'x-viewer-address'

/** What the Lambda adapter (`requestContext`) or the Node server (`incoming`) hands the app as its env. */
interface Origins {
  requestContext?: { http?: { sourceIp?: string } }
  incoming?: { socket?: { remoteAddress?: string } }
}

/**
 * The client's address the rate limits count by: the viewer address the edge set, else the
 * connection's source (API Gateway's `sourceIp`, a Node socket's address), else `unknown` (a test
 * calling the app in-process).
 */
export function clientAddress(c: Context): string {
  const viewer = c.req.header(VIEWER_ADDRESS_HEADER)?.trim()
  if (viewer) return viewer
  const env = c.env as Origins | undefined
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown'
}
