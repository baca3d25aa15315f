import { createServer } from 'node:net'

/** Asks the OS for a port that is free on 127.0.0.1 right now (another process may still take it later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not read the port the OS assigned'))
      })
    })
  })
}
