import laRows from '../data/local-authorities.json' with { type: 'json' }

/** An English upper-tier local authority with education and early-years responsibility. */
export interface LocalAuthority {
  /** ONS code, e.g. E06000001: the key everything joins on. */
  code: string
  name: string
  regionCode: string
  regionName: string
  /** DfE's three-digit LA number, kept as a string. */
  dfeNumber: string
}

/** All 153 LAs, sorted by ONS code. Regenerate from the CSV with `pnpm --filter @ey/reference-data build`. */
export const LOCAL_AUTHORITIES: readonly LocalAuthority[] = laRows

const byCode = new Map(LOCAL_AUTHORITIES.map((la) => [la.code, la]))

/** The LA with this ONS code, if it is one. */
export function localAuthority(code: string): LocalAuthority | undefined {
  return byCode.get(code)
}

/** The port the domain uses to check an LA code and find its region. */
export const localAuthorities = {
  has: (code: string) => byCode.has(code),
  regionOf: (code: string) => byCode.get(code)?.regionCode,
}
