import type { ChildProcess } from 'node:child_process'

const PARENT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Stops a child started with `detached: true` (so it leads its own process group) and resolves
 * once it has exited. Signalling the group, not the pid, also ends whatever the child spawned.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(child.pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child.pid as number, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/**
 * Kills a detached child's group when this process exits or is interrupted: being detached,
 * the child would not get the terminal's Ctrl-C and would outlive us. Returns the undo.
 */
export function dieWithParent(child: ChildProcess): () => void {
  const killNow = () => {
    if (child.pid !== undefined && child.exitCode === null) signalGroup(child.pid, 'SIGKILL')
  }
  const onSignal = (signal: NodeJS.Signals) => {
    killNow()
    release()
    // Our listener replaced Node's default (exit); restore it unless someone else handles the signal.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  }
  const release = () => {
    process.off('exit', killNow)
    for (const signal of PARENT_SIGNALS) process.off(signal, onSignal)
  }
  process.once('exit', killNow)
  for (const signal of PARENT_SIGNALS) process.once(signal, onSignal)
  return release
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}
