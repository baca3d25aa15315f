import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import type { Construct } from 'constructs'

/**
 * Requests per client IP in WAF's five-minute window, per route; beyond them WAF answers 429 at
 * the edge. Coarser and higher than the API's own limits (which answer first, per minute), so they
 * stop floods before they reach the API without stopping an office that books dozens of staff.
 */
export const EDGE_RATE_LIMITS = {
  /** `POST /api/sessions/{id}/bookings` */
  bookings: 1000,
  /** `POST /api/bookings/lookup` */
  lookup: 300,
  /** `POST /api/bookings/{id}/check-in` */
  checkIn: 2000,
  /** Every request to the site and the API. */
  general: 10_000,
} as const

/** WAF counts over five minutes: the longest window it offers, the steadiest for real offices. */
const WINDOW_SECONDS = 300

type Statement = CfnWebACL.StatementProperty

const path = (
  positionalConstraint: 'STARTS_WITH' | 'ENDS_WITH' | 'EXACTLY',
  searchString: string,
): Statement => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint,
    searchString,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
})

const both = (...statements: Statement[]): Statement => ({ andStatement: { statements } })

/** One rate-based rule: at most `limit` requests per IP in the window, among those `scope` matches (all without). */
function rateRule(name: string, priority: number, limit: number, scope?: Statement): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: {
      block: {
        customResponse: {
          responseCode: 429,
          responseHeaders: [{ name: 'Retry-After', value: String(WINDOW_SECONDS) }],
        },
      },
    },
    statement: {
      rateBasedStatement: {
        aggregateKeyType: 'IP',
        limit,
        evaluationWindowSec: WINDOW_SECONDS,
        ...(scope ? { scopeDownStatement: scope } : {}),
      },
    },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: false },
  }
}

/**
 * The edge protection: a CloudFront-scope AWS WAF web ACL with rate-based rules per client IP on
 * booking, find-my-bookings, check-in and everything. CloudFront's web ACLs must live in
 * us-east-1, so this is a stack of its own there; the main stack attaches it with
 * `-c webAclArn=<the WebAclArn output>`.
 */
export class EdgeProtectionStack extends Stack {
  readonly webAcl: CfnWebACL

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props)
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Rate limits per client IP on the booking site and its API',
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'training-edge',
        sampledRequestsEnabled: false,
      },
      rules: [
        rateRule(
          'bookings',
          0,
          EDGE_RATE_LIMITS.bookings,
          both(path('STARTS_WITH', '/api/sessions/'), path('ENDS_WITH', '/bookings')),
        ),
        rateRule('lookup', 1, EDGE_RATE_LIMITS.lookup, path('EXACTLY', '/api/bookings/lookup')),
        rateRule(
          'check-in',
          2,
          EDGE_RATE_LIMITS.checkIn,
          both(path('STARTS_WITH', '/api/bookings/'), path('ENDS_WITH', '/check-in')),
        ),
        rateRule('general', 3, EDGE_RATE_LIMITS.general),
      ],
    })
    new CfnOutput(this, 'WebAclArn', {
      value: this.webAcl.attrArn,
      description: 'Give it to the main stack: pnpm run deploy -c webAclArn=<this>',
    })
  }
}
