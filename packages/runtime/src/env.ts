/** Environment variables, as `process.env` holds them. */
export type Env = Record<string, string | undefined>

/**
 * The value of a required variable; a missing or empty one stops start-up, naming it, so a
 * misconfigured function fails on its first cold start instead of on some later request.
 */
export function requireEnv(name: string, env: Env = process.env): string {
  const value = env[name]
  if (value === undefined || value.trim() === '') throw new Error(`Missing environment variable ${name}`)
  return value
}

/** The value of an optional variable; empty counts as unset. */
export function optionalEnv(name: string, env: Env = process.env): string | undefined {
  const value = env[name]
  return value === undefined || value.trim() === '' ? undefined : value
}
