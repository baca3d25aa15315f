import hexRows from '../data/district-hexes.json' with { type: 'json' }
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

/**
 * One local authority district's cell in a hexagon map of England: offset coordinates in the
 * "odd-r" layout (odd rows shifted right by half a hex), `r` growing northwards. A county LA is
 * drawn as the cluster of its districts; a unitary LA is one district.
 */
export interface DistrictHex {
  /** The district's ONS code (the LA's own code for a unitary LA). */
  code: string
  name: string
  /** ONS code of the upper-tier LA the district belongs to. */
  laCode: string
  /** Column. */
  q: number
  /** Row, growing northwards. */
  r: number
}

/** Every English local authority district's hex, by district code. Regenerate as the LA list. */
export const DISTRICT_HEXES: readonly DistrictHex[] = hexRows
