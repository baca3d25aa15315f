import { DomainError } from '@ey/domain'

/** The manage token (or another token, `detail` saying which) from `Authorization: Bearer <token>`; without one the answer is 401. */
export function bearerToken(
  authorization: string | undefined,
  detail = 'Send the manage token of the booking as Authorization: Bearer <token>.',
): string {
  const token = authorization?.match(/^Bearer +(\S+) *$/i)?.[1]
  if (!token) throw new DomainError('unauthorized', detail)
  return token
}
