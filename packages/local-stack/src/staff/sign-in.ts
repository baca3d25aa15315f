import { createHash, randomBytes } from 'node:crypto'
import { CLI_REDIRECT_URI, LOCAL_STAFF_CLIENT_ID } from './issuer.ts'

const REDIRECT_URI = CLI_REDIRECT_URI

/**
 * Signs in to the local issuer as a staff member, as the site does (authorization code with PKCE,
 * the user named by `login_hint`), and answers the ID token: what `pnpm staff-token` prints.
 */
export async function signInAs(
  issuerUrl: string,
  username: string,
  clientId = LOCAL_STAFF_CLIENT_ID,
): Promise<string> {
  const verifier = randomBytes(32).toString('base64url')
  const authorize = new URL('/oauth2/authorize', issuerUrl)
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile',
    state: randomBytes(8).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    login_hint: username,
  }).toString()
  const redirect = await fetch(authorize, { redirect: 'manual' })
  const location = new URL(redirect.headers.get('location') ?? REDIRECT_URI)
  const code = location.searchParams.get('code')
  if (!code)
    throw new Error(`The issuer refused to sign in "${username}": ${location.searchParams.get('error')}`)
  const response = await fetch(new URL('/oauth2/token', issuerUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: clientId,
      code_verifier: verifier,
    }),
  })
  if (!response.ok) throw new Error(`The issuer answered ${response.status} to the token request`)
  const tokens = (await response.json()) as { id_token?: string }
  if (!tokens.id_token) throw new Error('The issuer answered no ID token')
  return tokens.id_token
}
