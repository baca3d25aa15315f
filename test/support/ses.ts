import { readSentEmails, type SentEmail } from '@ey/local-stack'
import { inject } from 'vitest'

export type { SentEmail }

/** A unique recipient, so tests sharing the run's emulator never read each other's mail. */
export function uniqueAddress(label = 'person'): string {
  return `${label}.${crypto.randomUUID()}@example.test`
}

/** Every email the emulator holds whose To, Cc or Bcc includes the address, oldest first. */
export async function emailsSentTo(address: string): Promise<SentEmail[]> {
  const wanted = address.toLowerCase()
  const emails = await readSentEmails(inject('sesEndpoint'))
  return emails.filter((email) => recipients(email).includes(wanted))
}

/** Waits until at least `count` emails have reached the address, then returns them all. */
export async function waitForEmails(address: string, count = 1, timeoutMs = 5_000): Promise<SentEmail[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const emails = await emailsSentTo(address)
    if (emails.length >= count) return emails
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} email(s) within ${timeoutMs} ms, found ${emails.length}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Waits for the first email to the address and returns it. */
export async function waitForEmail(address: string, timeoutMs = 5_000): Promise<SentEmail> {
  const [email] = await waitForEmails(address, 1, timeoutMs)
  return email as SentEmail
}

/** The bare, lower-cased addresses of every recipient (header texts may hold names and several addresses). */
function recipients(email: SentEmail): string[] {
  const { to, cc, bcc } = email.destination
  return [...to, ...cc, ...bcc]
    .flatMap((text) => text.match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? [])
    .map((a) => a.toLowerCase())
}
