import { connect } from 'node:net'

/**
 * Whether something accepts connections on `port` at 127.0.0.2. On Linux every 127.x address is
 * this machine, so a server bound to all interfaces answers there and one bound to 127.0.0.1
 * alone refuses: a check that needs no second network interface.
 */
export function answersBeyondLoopback(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.2', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve(false) : reject(error),
    )
  })
}
