import { createHmac, timingSafeEqual } from 'node:crypto'

/** Where the local stack serves the folder's files; every signed link points under it. */
export const LOCAL_FILES_PATH = '/local-files/'

/** What a local link lets its holder do, all of it covered by the signature. */
export type LinkGrant =
  | { op: 'get'; key: string; expires: number; name: string; type: string }
  | { op: 'put'; key: string; expires: number; type: string; size: number }

function payload(grant: LinkGrant): string {
  const last = grant.op === 'get' ? grant.name : String(grant.size)
  return [grant.op, grant.key, grant.expires, grant.type, last].join('\n')
}

/** The HMAC-SHA256 of the grant under the secret, in base64url. */
export function signGrant(secret: string, grant: LinkGrant): string {
  return createHmac('sha256', secret).update(payload(grant)).digest('base64url')
}

/** The link of a grant under `baseUrl`: key in the path, the rest and the signature in the query. */
export function linkOf(baseUrl: string, secret: string, grant: LinkGrant): string {
  const { op, key, ...rest } = grant
  const query = new URLSearchParams({
    op,
    ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])),
  })
  query.set('signature', signGrant(secret, grant))
  const path = key.split('/').map(encodeURIComponent).join('/')
  return `${baseUrl.replace(/\/$/, '')}${LOCAL_FILES_PATH}${path}?${query}`
}

/**
 * The grant a link carries, when its signature is the secret's and it has not expired at `now`;
 * undefined for a tampered, expired or malformed link.
 */
export function grantOf(secret: string, url: URL, now: Date): LinkGrant | undefined {
  if (!url.pathname.startsWith(LOCAL_FILES_PATH)) return undefined
  const key = url.pathname.slice(LOCAL_FILES_PATH.length).split('/').map(decodeURIComponent).join('/')
  const q = url.searchParams
  const expires = Number(q.get('expires'))
  const type = q.get('type') ?? ''
  const grant: LinkGrant | undefined =
    q.get('op') === 'get'
      ? { op: 'get', key, expires, type, name: q.get('name') ?? '' }
      : q.get('op') === 'put'
        ? { op: 'put', key, expires, type, size: Number(q.get('size')) }
        : undefined
  if (!grant || !Number.isFinite(expires) || expires * 1000 < now.getTime()) return undefined
  const expected = Buffer.from(signGrant(secret, grant))
  const given = Buffer.from(q.get('signature') ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected) ? grant : undefined
}
