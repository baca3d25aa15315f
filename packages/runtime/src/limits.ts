import { type AbuseLimits, DEFAULT_ABUSE_LIMITS } from '@ey/domain'
import { type Env, optionalEnv } from './env.ts'

/** The variable that overrides one limit: `LIMIT_` and the name in capitals (`LIMIT_BOOKING_PER_ADDRESS_PER_MINUTE`). */
export function limitVariable(name: keyof AbuseLimits): string {
  return `LIMIT_${name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`
}

/**
 * The abuse limits: `DEFAULT_ABUSE_LIMITS`, each overridden by its `LIMIT_…` variable when set
 * (see `limitVariable`). A value that is not a whole number of at least 1 stops start-up, named.
 */
export function abuseLimitsFromEnv(env: Env): AbuseLimits {
  const limits = { ...DEFAULT_ABUSE_LIMITS }
  for (const name of Object.keys(DEFAULT_ABUSE_LIMITS) as (keyof AbuseLimits)[]) {
    const variable = limitVariable(name)
    const value = optionalEnv(variable, env)
    if (value === undefined) continue
    const figure = Number(value)
    if (!Number.isSafeInteger(figure) || figure < 1) {
      throw new Error(`${variable} must be a whole number of at least 1, not "${value}"`)
    }
    limits[name] = figure
  }
  return limits
}

/** The variables that set these limits: what the local stack hands the API, as AWS would. */
export function abuseLimitsEnv(limits: Partial<AbuseLimits>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(limits).map(([name, value]) => [limitVariable(name as keyof AbuseLimits), String(value)]),
  )
}
