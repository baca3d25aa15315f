/**
 * The site's security headers: one definition, sent by the local web server on every page and set
 * by CloudFront's response headers policy in AWS (`infra/lib/constructs/site.ts`). Kept as parts
 * rather than header lines because CloudFront takes most of them as typed settings (a max age in
 * seconds, a frame option, a referrer policy) and renders the header itself. Outside the package's
 * index, so the pages' bundles never carry it: import `@ey/presentation/security-headers`.
 */
export const SECURITY_HEADERS = {
  /** No inline scripts or styles, nothing from elsewhere, never framed. */
  contentSecurityPolicy:
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  /** HTTPS only, for two years, subdomains too. */
  strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubDomains: true },
  contentTypeOptions: 'nosniff',
  frameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  /** Not one of CloudFront's security headers: a custom header there. */
  permissionsPolicy: 'camera=(), microphone=(), geolocation=()',
} as const

/** The same headers as name and value, as a server sends them. */
export function securityHeaderLines(): Record<string, string> {
  const hsts = SECURITY_HEADERS.strictTransportSecurity
  return {
    'Content-Security-Policy': SECURITY_HEADERS.contentSecurityPolicy,
    'Strict-Transport-Security': `max-age=${hsts.maxAgeSeconds}${hsts.includeSubDomains ? '; includeSubDomains' : ''}`,
    'X-Content-Type-Options': SECURITY_HEADERS.contentTypeOptions,
    'X-Frame-Options': SECURITY_HEADERS.frameOptions,
    'Referrer-Policy': SECURITY_HEADERS.referrerPolicy,
    'Permissions-Policy': SECURITY_HEADERS.permissionsPolicy,
  }
}
