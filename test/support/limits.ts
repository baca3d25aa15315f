import { type AbuseLimits, raisedAbuseLimits } from '@ey/domain'

/**
 * Abuse limits raised far beyond any test's traffic, for the tests and benchmarks that book, look up
 * or check in many times from one address (in-process requests all count under `unknown`) or with
 * one email address. Pass as `limits` to `createTestApi`, `wireApi`/`wireCore` overrides or
 * `startLocalStack({ limits: RAISED_RATE_LIMITS })`. Waiting lists are uncapped in effect too
 * (a million), for the tests that queue hundreds.
 */
export const RAISED_RATE_LIMITS: AbuseLimits = raisedAbuseLimits()
