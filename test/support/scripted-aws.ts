import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the stand-in received it. */
export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/** One answer of the stand-in. */
export interface ScriptedAnswer {
  status: number
  body: string
  contentType?: string
}

/**
 * A stand-in for an AWS service on 127.0.0.1 that answers each request with the next of `answers`
 * (the last one repeated) and records what it received: for the failure paths of the platform's
 * own AWS clients (throttling, refusals, a broken answer) that DynamoDB Local and the SES emulator
 * never take. `close()` stops it.
 */
export async function scriptedAws(answers: ScriptedAnswer[]) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = answers[Math.min(received.length, answers.length) - 1] as ScriptedAnswer
      res.writeHead(answer.status, {
        'content-type': answer.contentType ?? 'application/x-amz-json-1.0',
        'x-amzn-requestid': `r${received.length}`,
      })
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
