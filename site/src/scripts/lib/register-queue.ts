import type { RegisterChange } from '@ey/contract'

/** What sending the queue answered: sent (with the server's answer), kept for later, or refused. */
export type FlushOutcome<T> =
  | { outcome: 'sent'; result: T; count: number }
  | { outcome: 'offline' }
  | { outcome: 'refused'; error: unknown; count: number }
  | { outcome: 'empty' }

/** The most changes one request carries (the API's limit). */
const BATCH = 200

/**
 * A register's changes kept on the device until the API has them: stored under one key per
 * session and part, so a reload, a closed tab or a dropped connection loses nothing. Each change
 * has its own key, so a batch whose answer was lost is sent again and applied once.
 */
export class RegisterQueue<T> {
  readonly #storageKey: string
  readonly #send: (changes: RegisterChange[]) => Promise<T>
  readonly #isNetworkError: (error: unknown) => boolean
  #flushing: Promise<FlushOutcome<T>> | undefined

  constructor(options: {
    sessionId: string
    part: number
    send: (changes: RegisterChange[]) => Promise<T>
    isNetworkError: (error: unknown) => boolean
    storage?: Storage
  }) {
    this.#storageKey = `register-queue:${options.sessionId}:${options.part}`
    this.#send = options.send
    this.#isNetworkError = options.isNetworkError
    this.storage = options.storage ?? localStorage
  }

  readonly storage: Storage

  /** The changes not yet accepted by the API, oldest first. */
  pending(): RegisterChange[] {
    try {
      return JSON.parse(this.storage.getItem(this.#storageKey) ?? '[]') as RegisterChange[]
    } catch {
      return []
    }
  }

  /** Keeps changes on the device first, then tries to send everything waiting. */
  add(...changes: RegisterChange[]): Promise<FlushOutcome<T>> {
    this.#save([...this.pending(), ...changes])
    return this.flush()
  }

  /** Sends what waits, one batch at a time; stops quietly while offline. */
  flush(): Promise<FlushOutcome<T>> {
    // One flush at a time: a second caller waits for the first, then sends what is left.
    const run = (this.#flushing ?? Promise.resolve(undefined)).then(() => this.#flushOnce())
    this.#flushing = run.finally(() => {
      if (this.#flushing === run) this.#flushing = undefined
    })
    return run
  }

  async #flushOnce(): Promise<FlushOutcome<T>> {
    const batch = this.pending().slice(0, BATCH)
    if (batch.length === 0) return { outcome: 'empty' }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { outcome: 'offline' }
    try {
      const result = await this.#send(batch)
      this.#remove(batch)
      const rest = await this.#flushOnce()
      return rest.outcome === 'sent'
        ? { ...rest, count: rest.count + batch.length }
        : { outcome: 'sent', result, count: batch.length }
    } catch (error) {
      if (this.#isNetworkError(error)) return { outcome: 'offline' }
      // The API refused the batch (a locked register, someone no longer booked): sending it again
      // would be refused again and hold up every later mark, so it is dropped and reported.
      this.#remove(batch)
      return { outcome: 'refused', error, count: batch.length }
    }
  }

  #remove(sent: RegisterChange[]): void {
    const keys = new Set(sent.map((change) => change.key))
    this.#save(this.pending().filter((change) => !keys.has(change.key)))
  }

  #save(changes: RegisterChange[]): void {
    if (changes.length === 0) this.storage.removeItem(this.#storageKey)
    else this.storage.setItem(this.#storageKey, JSON.stringify(changes))
  }
}
