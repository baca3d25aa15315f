import type { ChildProcess } from 'node:child_process'

const PARENT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** The signal listeners of `dieWithParent`, told apart from a handler of the process's own. */
const OWN_LISTENERS = new Set<(signal: NodeJS.Signals) => void>()

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
 * the child would not get the terminal's Ctrl-C and would outlive us. A signal that this process
 * also handles itself (`pnpm start`'s orderly stop, which stops its children in turn) is left to
 * that handler, so the child is not killed under work still using it; it is killed on exit all
 * the same. Returns the undo.
 */
export function dieWithParent(child: ChildProcess): () => void {
  const killNow = () => {
    if (child.pid !== undefined && child.exitCode === null) signalGroup(child.pid, 'SIGKILL')
  }
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listeners(signal).some((listener) => !OWN_LISTENERS.has(listener))) return
    killNow()
    release()
    // Our listener replaced Node's default (exit). Nobody else handles the signal: once every
    // listener of ours has killed its child, raise it again for that default.
    if (!process.listeners(signal).some((listener) => OWN_LISTENERS.has(listener)))
      process.kill(process.pid, signal)
  }
  const release = () => {
    OWN_LISTENERS.delete(onSignal)
    process.off('exit', killNow)
    for (const signal of PARENT_SIGNALS) process.off(signal, onSignal)
  }
  OWN_LISTENERS.add(onSignal)
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
