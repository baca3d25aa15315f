import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, EDGE_RATE_LIMITS, EDGE_STACK_NAME } from '@ey/infra'
import { Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>
}
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] }
const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/training-edge/abc'

let scratch: string
let siteDir: string

function synth(extra: Record<string, unknown>) {
  const created = createApp({
    outdir: mkdtempSync(join(scratch, 'cdk.out')),
    context: { ...cdkJson.context, ...NO_BUNDLING, siteDir, ...extra },
  })
  // Template.fromStack synthesizes the app, running cdk-nag, which throws on any finding not acknowledged.
  return { ...created, template: Template.fromStack(created.stack) }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ey-edge-infra-'))
  siteDir = mkdtempSync(join(scratch, 'dist'))
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Site</title>')
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Not found</title>')
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type Rule = {
  Name: string
  Action: { Block: { CustomResponse: { ResponseCode: number } } }
  Statement: { RateBasedStatement: { AggregateKeyType: string; Limit: number; ScopeDownStatement?: unknown } }
}

const match = (PositionalConstraint: string, SearchString: string) => ({
  ByteMatchStatement: {
    FieldToMatch: { UriPath: {} },
    PositionalConstraint,
    SearchString,
    TextTransformations: [{ Priority: 0, Type: 'NONE' }],
  },
})

describe('the edge stack', () => {
  // One synthesis with both context values (each synthesis takes seconds); without them, the
  // distribution has no web ACL and no edge stack is made (test/infra/site.test.ts).
  let synthesized: ReturnType<typeof synth>
  let edgeTemplate: Template

  beforeAll(() => {
    synthesized = synth({ edgeProtection: 'true', webAclArn: WEB_ACL_ARN })
    if (!synthesized.edge) throw new Error('no edge stack')
    // Synthesizes the edge stack too, running cdk-nag on it.
    edgeTemplate = Template.fromStack(synthesized.edge)
  }, 120_000)

  it('is made with -c edgeProtection=true, in us-east-1', () => {
    expect(synthesized.edge?.stackName).toBe(EDGE_STACK_NAME)
    expect(synthesized.edge?.region).toBe('us-east-1')
  })

  it('blocks with 429 past a rate per client IP on booking, find-my-bookings, check-in and everything', () => {
    const acls = Object.values(edgeTemplate.findResources('AWS::WAFv2::WebACL'))
    expect(acls).toHaveLength(1)
    const acl = acls[0] as { Properties: { Scope: string; DefaultAction: unknown; Rules: Rule[] } }
    expect(acl.Properties.Scope).toBe('CLOUDFRONT')
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} })

    const rules = Object.fromEntries(acl.Properties.Rules.map((rule) => [rule.Name, rule]))
    expect(Object.keys(rules)).toEqual(['bookings', 'lookup', 'check-in', 'general'])
    for (const rule of Object.values(rules)) {
      expect(rule.Statement.RateBasedStatement.AggregateKeyType).toBe('IP')
      expect(rule.Action.Block.CustomResponse.ResponseCode).toBe(429)
    }
    expect(rules.bookings?.Statement.RateBasedStatement).toMatchObject({
      Limit: EDGE_RATE_LIMITS.bookings,
      ScopeDownStatement: {
        AndStatement: {
          Statements: [match('STARTS_WITH', '/api/sessions/'), match('ENDS_WITH', '/bookings')],
        },
      },
    })
    expect(rules.lookup?.Statement.RateBasedStatement).toMatchObject({
      Limit: EDGE_RATE_LIMITS.lookup,
      ScopeDownStatement: match('EXACTLY', '/api/bookings/lookup'),
    })
    expect(rules['check-in']?.Statement.RateBasedStatement).toMatchObject({
      Limit: EDGE_RATE_LIMITS.checkIn,
      ScopeDownStatement: {
        AndStatement: {
          Statements: [match('STARTS_WITH', '/api/bookings/'), match('ENDS_WITH', '/check-in')],
        },
      },
    })
    expect(rules.general?.Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined()
  })

  it('is attached to the distribution with -c webAclArn', () => {
    const distribution = Object.values(
      synthesized.template.findResources('AWS::CloudFront::Distribution'),
    )[0] as {
      Properties: { DistributionConfig: { WebACLId?: string } }
    }
    expect(distribution.Properties.DistributionConfig.WebACLId).toBe(WEB_ACL_ARN)
  })
})
