import type { AwsCommand } from '@ey/aws-http'
import { vi } from 'vitest'

type CommandClass<C> = abstract new (...args: never[]) => C
type AnyCommand = AwsCommand<object, unknown>

interface Script {
  command: CommandClass<AnyCommand>
  input: Record<string, unknown> | undefined
  once: ((command: AnyCommand) => Promise<unknown>)[]
  always: ((command: AnyCommand) => Promise<unknown>) | undefined
}

/** Answers a command's sends with: once each, in order, then always. */
export interface Sends<C extends AnyCommand> {
  resolves(output: Partial<C['output']>): Sends<C>
  resolvesOnce(output: Partial<C['output']>): Sends<C>
  rejects(error: Error): Sends<C>
  rejectsOnce(error: Error): Sends<C>
  /** Every send answered by `answer`, given the command. */
  callsFake(answer: (command: C) => Promise<Partial<C['output']>>): Sends<C>
}

/** Whether `actual` has every field of `expected`, deeply (arrays compared whole). */
function contains(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) {
    return JSON.stringify(actual) === JSON.stringify(expected)
  }
  if (actual === null || typeof actual !== 'object') return false
  return Object.entries(expected).every(([key, value]) =>
    contains((actual as Record<string, unknown>)[key], value),
  )
}

/**
 * A client's `send` (DynamoDB's document client, SES's) answered by a script instead of the service,
 * for failure paths DynamoDB Local and the SES emulator never take (transaction conflicts,
 * throttling, unprocessed keys, refusals): `on(Command, input?)`
 * says how sends of that command (whose input contains `input`) are answered, the latest matching
 * script first; a send no script matches answers `{}`. `calls(Command)` lists the commands sent.
 */
export function scriptedSends(client: { send(command: never): Promise<unknown> }) {
  let scripts: Script[] = []
  const send = vi
    .spyOn(client as { send(command: AnyCommand): Promise<unknown> }, 'send')
    .mockImplementation(async (command) => {
      const script = scripts.findLast(
        (s) => command instanceof s.command && (s.input === undefined || contains(command.input, s.input)),
      )
      const answer = script?.once.shift() ?? script?.always
      return (answer ? answer(command) : {}) as never
    })
  return {
    on<C extends AnyCommand>(command: CommandClass<C>, input?: Record<string, unknown>): Sends<C> {
      const script: Script = { command, input, once: [], always: undefined }
      scripts.push(script)
      const always = (answer: (command: AnyCommand) => Promise<unknown>) => {
        script.always = answer
        return sends
      }
      const once = (answer: (command: AnyCommand) => Promise<unknown>) => {
        script.once.push(answer)
        return sends
      }
      const sends: Sends<C> = {
        resolves: (output) => always(() => Promise.resolve(output)),
        resolvesOnce: (output) => once(() => Promise.resolve(output)),
        rejects: (error) => always(() => Promise.reject(error)),
        rejectsOnce: (error) => once(() => Promise.reject(error)),
        callsFake: (answer) => always((command) => answer(command as C)),
      }
      return sends
    },
    /** The commands of this class sent so far, in order. */
    calls<C extends AnyCommand>(command: CommandClass<C>): C[] {
      return send.mock.calls.map(([sent]) => sent).filter((sent): sent is C => sent instanceof command)
    },
    /** Forgets every script and every call. */
    reset(): void {
      scripts = []
      send.mockClear()
    },
  }
}
