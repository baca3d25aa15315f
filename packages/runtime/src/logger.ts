import { Console } from 'node:console'

/** Extra keys of a log line. */
export type LogAttributes = Record<string, unknown>

/** What may follow a message: keys to add, an Error (written as `error`) or a string (written as `extra`). */
export type LogExtra = LogAttributes | Error | string | null | undefined

/** The part of a Lambda invocation's context a line carries (the `Context` of `aws-lambda` fits). */
export interface LogContext {
  invokedFunctionArn: string
  awsRequestId: string
  memoryLimitInMB: string
  functionName: string
  tenantId?: string | undefined
}

/** Levels by rank, as Powertools numbers them; a line is written when its rank reaches the logger's. */
const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const
type LevelName = keyof typeof LEVELS

/** Keys a line owns: extra keys of these names are dropped, with a warning line. */
const RESERVED = new Set(['level', 'message', 'sampling_rate', 'service', 'timestamp'])

function isLevel(name: string | undefined): name is LevelName {
  return name !== undefined && Object.hasOwn(LEVELS, name)
}

/**
 * The threshold Powertools picks: Lambda's advanced logging controls (`AWS_LAMBDA_LOG_LEVEL`,
 * `FATAL` read as `CRITICAL`) over the level given in code (any case) over `POWERTOOLS_LOG_LEVEL`,
 * then `LOG_LEVEL` (both upper case only); a value that is not a level is passed over, and INFO is
 * the default.
 */
function thresholdOf(env: NodeJS.ProcessEnv, configured: string | undefined) {
  const lambda = env.AWS_LAMBDA_LOG_LEVEL?.trim()
  const controls = lambda === 'FATAL' ? 'CRITICAL' : lambda
  if (isLevel(controls)) {
    const mismatch =
      isLevel(configured) && LEVELS[controls] > LEVELS[configured]
        ? `Current log level (${configured}) does not match AWS Lambda Advanced Logging Controls minimum log level (${controls}). This can lead to data loss, consider adjusting them.`
        : undefined
    return { threshold: LEVELS[controls], mismatch }
  }
  if (isLevel(configured)) return { threshold: LEVELS[configured] }
  const variable = env.POWERTOOLS_LOG_LEVEL?.trim() || env.LOG_LEVEL?.trim()
  return { threshold: isLevel(variable) ? LEVELS[variable] : LEVELS.INFO }
}

/** The trace's root id, from the Lambda runtime's invoke store when it has one, else `_X_AMZN_TRACE_ID`. */
function traceId(): string | undefined {
  const store = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId(): string | undefined } } })
    .awslambda?.InvokeStore
  const header = store?.getXRayTraceId() ?? process.env._X_AMZN_TRACE_ID?.trim() ?? ''
  if (!header.includes('=')) return header || undefined
  let root: string | undefined
  for (const field of header.split(';')) {
    const [key, value] = field.split('=')
    if (key === 'Root') root = value
  }
  return root
}

/** The file and line of an error's first stack frame that has them in brackets, as Powertools reads it. */
function locationOf(stack: unknown): string {
  if (typeof stack !== 'string') return ''
  for (const line of stack.split('\n')) {
    const match = /\(([^()]*?):(\d+?):(\d+?)\)\\?$/.exec(line)
    if (match) return `${match[1]}:${Number(match[2])}`
  }
  return ''
}

/** An error as Powertools writes it: name, location, message, stack, cause (an error too is written so, by the replacer) and its own keys. */
function errorEntry(error: Error): LogAttributes {
  const entry: LogAttributes = {
    name: error.name,
    location: locationOf(error.stack),
    message: error.message,
    stack: error.stack,
    cause: error.cause,
  }
  for (const key of Object.keys(error)) {
    if (!['name', 'message', 'stack', 'cause'].includes(key))
      entry[key] = (error as unknown as LogAttributes)[key]
  }
  return entry
}

/** `JSON.stringify`'s replacer as Powertools': errors as above, bigints as strings, a reference back to an enclosing object left out. */
function replacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = []
  return function (this: unknown, _key, value) {
    const replaced = value instanceof Error ? errorEntry(value) : value
    if (typeof replaced === 'bigint') return replaced.toString()
    if (typeof replaced === 'object' && replaced !== null) {
      while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop()
      if (ancestors.includes(replaced)) return undefined
      ancestors.push(replaced)
    }
    return replaced
  }
}

/**
 * A structured logger writing the JSON lines Powertools' Logger (2.x) writes for the calls made
 * here, so Logs Insights queries and the metric filters keep reading them: one compact line per
 * call, `level`, `message`, `timestamp` (ISO, UTC), `service`, after `addContext` `cold_start`,
 * `function_arn`, `function_memory_size`, `function_name`, `function_request_id`, then
 * `sampling_rate` (0), `xray_trace_id` and `tenant_id` when there is one, then the appended keys
 * and the call's extra keys; keys without a value, `null` or `''` at the top are left out. INFO
 * goes to stdout, WARN and ERROR to stderr. The level is read at construction (see `thresholdOf`).
 * Checked line for line against Powertools by `test/runtime/logger.test.ts`.
 *
 * Left out, as nothing here uses them: debug, trace and critical lines, persistent keys, child
 * loggers, sampling (`POWERTOOLS_LOGGER_SAMPLE_RATE`), log buffering, the event and correlation id,
 * custom formatters, `POWERTOOLS_DEV`'s indented lines and a `TZ` other than UTC (Lambda's). Keys
 * appended again replace their value where Powertools merges objects and arrays into it, and keys
 * are not kept per invocation when one environment runs several at once (Lambda managed instances).
 * Keys named `__proto__` or `constructor`, which Powertools drops, are not looked for.
 */
export class Logger {
  readonly #service: string
  readonly #threshold: number
  readonly #console = new Console({ stdout: process.stdout, stderr: process.stderr })
  #coldStart: boolean
  #context: (LogContext & { coldStart: boolean }) | undefined
  #keys: LogAttributes = {}

  constructor({ serviceName, logLevel }: { serviceName: string; logLevel?: string }) {
    this.#service = serviceName
    this.#coldStart = process.env.AWS_LAMBDA_INITIALIZATION_TYPE?.trim() === 'on-demand'
    const { threshold, mismatch } = thresholdOf(process.env, logLevel?.toUpperCase())
    this.#threshold = threshold
    if (mismatch) this.warn(mismatch)
  }

  /** Adds the invocation's function and request to every line after; `cold_start` is true on the first only, and only on demand. */
  addContext(context: LogContext): void {
    const { invokedFunctionArn, awsRequestId, memoryLimitInMB, functionName, tenantId } = context
    this.#context = {
      invokedFunctionArn,
      awsRequestId,
      memoryLimitInMB,
      functionName,
      tenantId,
      coldStart: this.#coldStart,
    }
    this.#coldStart = false
  }

  /** Adds keys to every line until `resetKeys`. */
  appendKeys(attributes: LogAttributes): void {
    // Every reserved key is warned of before any key is added, and a key given without a value
    // keeps an earlier one (and its place in the line), as Powertools does.
    const allowed = Object.entries(attributes).filter(([key]) => this.#allowed(key))
    for (const [key, value] of allowed)
      if (value !== undefined || this.#keys[key] === undefined) this.#keys[key] = value
  }

  /** Drops the keys appended so far. */
  resetKeys(): void {
    this.#keys = {}
  }

  /** Writes an INFO line to stdout. */
  info(message: string, ...extra: LogExtra[]): void {
    this.#write('INFO', message, extra)
  }

  /** Writes a WARN line to stderr. */
  warn(message: string, ...extra: LogExtra[]): void {
    this.#write('WARN', message, extra)
  }

  /** Writes an ERROR line to stderr. */
  error(message: string, ...extra: LogExtra[]): void {
    this.#write('ERROR', message, extra)
  }

  #allowed(key: string): boolean {
    if (!RESERVED.has(key)) return true
    this.warn(`The key "${key}" is a reserved key and will be dropped.`)
    return false
  }

  /** The line as Powertools builds it: its own keys first, then appended and extra keys over them unless without a value. */
  #write(level: 'INFO' | 'WARN' | 'ERROR', message: string, extra: LogExtra[]): void {
    if (LEVELS[level] < this.#threshold) return
    const attributes: LogAttributes = {}
    for (const [key, value] of Object.entries(this.#keys)) if (value !== undefined) attributes[key] = value
    for (const item of extra) {
      if (item === null || item === undefined) continue
      if (item instanceof Error) attributes.error = item
      else if (typeof item === 'string') attributes.extra = item
      else for (const [key, value] of Object.entries(item)) if (this.#allowed(key)) attributes[key] = value
    }
    const context = this.#context
    const line: LogAttributes = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.#service,
      cold_start: context?.coldStart,
      function_arn: context?.invokedFunctionArn,
      function_memory_size: context?.memoryLimitInMB,
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      sampling_rate: 0,
      xray_trace_id: traceId(),
      tenant_id: context?.tenantId,
    }
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== undefined || line[key] === undefined) line[key] = value
    }
    for (const [key, value] of Object.entries(line))
      if (value === undefined || value === null || value === '') delete line[key]
    const text = JSON.stringify(line, replacer())
    if (level === 'INFO') this.#console.info(text)
    else if (level === 'WARN') this.#console.warn(text)
    else this.#console.error(text)
  }
}
