import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { LocalService } from './dynamodb-local.ts'
import { freePort } from './free-port.ts'

/** One email as the emulator stores it (`GET /store`). */
export interface SentEmail {
  messageId: string
  from: string
  replyTo: string[]
  /** Each entry is the header text: one or more addresses, possibly with display names. */
  destination: { to: string[]; cc: string[]; bcc: string[] }
  subject: string
  body: { html?: string; text?: string }
  /** `content` is base64. */
  attachments: { content: string; contentType: string; filename?: string; size: number }[]
  headers?: { name: string; value: string }[]
  /** Epoch seconds. */
  at: number
}

type StartServer = (config?: { host?: string; port?: number }) => Promise<Server>

/**
 * Starts the aws-ses-v2-local emulator in this process on 127.0.0.1 (its web page lists every
 * email sent). Its store is a module singleton: two emulators in one process share their mail.
 */
export async function startSesEmulator(options: { port?: number } = {}): Promise<LocalService> {
  const port = options.port ?? (await freePort())
  // Loaded through require: it is CommonJS with an `exports.default`, which ESM and vitest's
  // interop would wrap differently.
  const startServer = (createRequire(import.meta.url)('aws-ses-v2-local') as { default: StartServer }).default
  const server = await listen(startServer, port)
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive connections from SDK clients would otherwise hold close() open.
        server.closeAllConnections()
      }),
  }
}

async function listen(startServer: StartServer, port: number): Promise<Server> {
  const server = await startServer({ host: '127.0.0.1', port })
  // Express 5 hands a listen error to the callback, which the package treats as success.
  if (!server.listening) throw new Error(`SES emulator could not listen on 127.0.0.1:${port} (port taken?)`)
  return server
}

/**
 * Reads every email the emulator has stored, oldest first; with `since` (epoch seconds), only those
 * stored in that second or after, so a frequent reader is not sent the whole store each time.
 */
export async function readSentEmails(endpoint: string, since?: number): Promise<SentEmail[]> {
  const response = await fetch(`${endpoint}/store${since === undefined ? '' : `?since=${since}`}`)
  if (!response.ok) throw new Error(`SES emulator answered ${response.status} to GET /store`)
  const store = (await response.json()) as { emails: SentEmail[] }
  return store.emails
}

/** Empties the emulator's store (emails and templates alike): only for runs that own the emulator. */
export async function clearSentEmails(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' })
  if (!response.ok) throw new Error(`SES emulator answered ${response.status} to POST /clear-store`)
}
