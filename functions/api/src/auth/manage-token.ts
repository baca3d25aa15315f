import { DomainError } from '@ey/domain'

/** The manage token from `Authorization: Bearer <token>`; without one the answer is 401. */
export function bearerToken(authorization: string | undefined): string {
  const token = authorization?.match(/^Bearer +(\S+) *$/i)?.[1]
  if (!token) {
    throw new DomainError(
      'unauthorized',
      'Send the manage token of the booking as Authorization: Bearer <token>.',
    )
  }
  return token
}
