import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import {
  createApp,
  DEFAULT_SITE_DIR,
  siteFiles,
  sitePages,
  VIEWER_RESPONSE_FUNCTION,
  viewerRequestCode,
} from '@ey/infra'
import { createWebApp } from '@ey/local-stack'
import { Validations } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The context `cdk synth` reads. Function bundling is skipped here (`aws:cdk:bundling-stacks`):
// test/infra/stack.test.ts synthesizes with the bundles; this file looks at the site's resources only.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>
}
const DOMAIN = {
  domainName: 'training.example.org',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
}

const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] }

type Resource = {
  Type: string
  Properties: Record<string, unknown>
  DependsOn?: string | string[]
  DeletionPolicy?: string
}

let scratch: string
let siteDir: string

/** An output folder inside the scratch folder (an App without one makes its own in the temp folder). */
const scratchOut = () => mkdtempSync(join(scratch, 'cdk.out'))

/** Synthesizes the app as `cdk synth` would, with `extra` context, into its own folder. */
function synth(extra: Record<string, unknown> = {}) {
  const { app, stack } = createApp({
    outdir: scratchOut(),
    context: { ...cdkJson.context, ...NO_BUNDLING, siteDir, ...extra },
  })
  // Runs the cdk-nag plugin too, which throws on any finding not acknowledged.
  return { app, template: Template.fromStack(stack) }
}

let plain: ReturnType<typeof synth>
let withDomain: ReturnType<typeof synth>

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ey-site-infra-'))
  // A built site's shape in miniature: a page per folder, hashed assets, the 404 page.
  siteDir = join(scratch, 'dist')
  mkdirSync(join(siteDir, 'manage'), { recursive: true })
  mkdirSync(join(siteDir, 'staff', 'sessions', 'register'), { recursive: true })
  mkdirSync(join(siteDir, 'assets'))
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Find training</title>')
  writeFileSync(join(siteDir, 'manage', 'index.html'), '<!doctype html><title>Manage</title>')
  writeFileSync(
    join(siteDir, 'staff', 'sessions', 'register', 'index.html'),
    '<!doctype html><title>Register</title>',
  )
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Not found</title>')
  writeFileSync(join(siteDir, 'assets', 'page.abc123.js'), 'export {}')
  writeFileSync(join(siteDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  plain = synth()
  withDomain = synth(DOMAIN)
}, 120_000)

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

function only(template: Template, type: string): Resource {
  const found = Object.entries(template.findResources(type))
  expect(found).toHaveLength(1)
  return (found[0] as [string, Resource])[1]
}

function idOf(template: Template, type: string, pattern: RegExp): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => pattern.test(id))
  expect(ids).toHaveLength(1)
  return ids[0] as string
}

type DistributionConfig = {
  DefaultRootObject: string
  Aliases?: string[]
  ViewerCertificate?: Record<string, unknown>
  Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown; S3OriginConfig?: unknown }[]
  DefaultCacheBehavior: Record<string, unknown>
  CacheBehaviors: Record<string, unknown>[]
  CustomErrorResponses?: unknown
}

const distributionConfig = (template: Template) =>
  only(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as DistributionConfig

describe('the site bucket', () => {
  it('is private: every public access blocked, no website hosting, no ACLs, encrypted', () => {
    const bucket = plain.template.findResources('AWS::S3::Bucket')[
      idOf(plain.template, 'AWS::S3::Bucket', /^SiteBucket/)
    ] as Resource
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    })
    expect(bucket.DeletionPolicy).toBe('Retain')
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined()
    expect(bucket.Properties.CorsConfiguration).toBeUndefined()
  })

  it('lets the distribution alone read it, by origin access control, over TLS only', () => {
    const bucketId = idOf(plain.template, 'AWS::S3::Bucket', /^SiteBucket/)
    const distributionId = idOf(plain.template, 'AWS::CloudFront::Distribution', /./)
    const oac = only(plain.template, 'AWS::CloudFront::OriginAccessControl')
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    })
    const policies = Object.values(plain.template.findResources('AWS::S3::BucketPolicy')) as Resource[]
    const policy = policies.find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
    ) as Resource
    const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement
    const allows = statements.filter((s) => s.Effect === 'Allow')
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId },
                ],
              ],
            },
          },
        },
      }),
    ])
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    )
    // The S3 origin signs with the OAC and has no legacy origin access identity.
    const s3Origin = distributionConfig(plain.template).Origins.find((o) => o.S3OriginConfig)
    expect(s3Origin?.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [idOf(plain.template, 'AWS::CloudFront::OriginAccessControl', /./), 'Id'],
    })
    expect(s3Origin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' })
    expect(
      Object.keys(plain.template.findResources('AWS::CloudFront::CloudFrontOriginAccessIdentity')),
    ).toEqual([])
  })

  it('is filled by `cdk deploy` from the built site, clearing the edge caches after', () => {
    const deployment = only(plain.template, 'Custom::CDKBucketDeployment')
    expect(deployment.Properties).toMatchObject({
      DestinationBucketName: { Ref: idOf(plain.template, 'AWS::S3::Bucket', /^SiteBucket/) },
      Prune: true,
      DistributionId: { Ref: idOf(plain.template, 'AWS::CloudFront::Distribution', /./) },
      DistributionPaths: ['/*'],
      SystemMetadata: { 'cache-control': 'public, max-age=0, must-revalidate, s-maxage=86400' },
    })
  })

  it('is uploaded from site/dist, where `astro build` writes the site', async () => {
    const { default: config } = (await import('../../site/astro.config.ts')) as {
      default: { outDir?: string }
    }
    expect(config.outDir ?? './dist').toBe('./dist')
    expect(DEFAULT_SITE_DIR).toBe(join(import.meta.dirname, '../../site/dist'))
    expect(() =>
      createApp({
        outdir: scratchOut(),
        context: { ...cdkJson.context, ...NO_BUNDLING, siteDir: join(scratch, 'missing') },
      }),
    ).toThrow(/No built site at .*missing: run `pnpm --filter @ey\/site build`/)
  })
})

describe('the distribution', () => {
  it('serves index.html at the root, over HTTPS', () => {
    const config = distributionConfig(plain.template)
    expect(config.DefaultRootObject).toBe('index.html')
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    })
    // CloudFront's error pages are distribution-wide: they would replace the API's JSON 403 and 404.
    expect(config.CustomErrorResponses).toBeUndefined()
  })

  it('sends /api/* to the HTTP API on the same origin: every method, never cached, every header but Host', () => {
    const config = distributionConfig(plain.template)
    expect(config.CacheBehaviors).toHaveLength(1)
    const api = config.CacheBehaviors[0] as Record<string, unknown>
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      // CloudFront's managed CachingDisabled and AllViewerExceptHostHeader policies.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ViewerProtocolPolicy: 'https-only',
    })
    // Only the viewer-request function, which adds the viewer's address (see the page-address functions).
    expect(api.FunctionAssociations).toHaveLength(1)
    // No web ACL and no edge stack without their context values (test/infra/edge.test.ts has them).
    expect(config).not.toHaveProperty('WebACLId')
    expect(plain.app.node.tryFindChild('EarlyYearsSendTrainingEdge')).toBeUndefined()
    const origin = config.Origins.find((o) => o.Id === api.TargetOriginId)
    expect(origin).toMatchObject({
      DomainName: {
        'Fn::Join': [
          '',
          [
            { Ref: idOf(plain.template, 'AWS::ApiGatewayV2::Api', /./) },
            '.execute-api.',
            { Ref: 'AWS::Region' },
            '.',
            { Ref: 'AWS::URLSuffix' },
          ],
        ],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    })
    // The API's routes live under /api on its default stage, so the path goes through unchanged.
    expect(origin).not.toHaveProperty('OriginPath')
  })

  it('runs the page-address functions on the site’s requests and responses, and the viewer-request one on the API’s', () => {
    const functions = plain.template.findResources('AWS::CloudFront::Function') as Record<string, Resource>
    expect(Object.values(functions).map((fn) => fn.Properties.FunctionConfig)).toEqual([
      expect.objectContaining({ Runtime: 'cloudfront-js-2.0' }),
      expect.objectContaining({ Runtime: 'cloudfront-js-2.0' }),
    ])
    expect(distributionConfig(plain.template).DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: {
          'Fn::GetAtt': [idOf(plain.template, 'AWS::CloudFront::Function', /ViewerRequest/), 'FunctionARN'],
        },
      },
      {
        EventType: 'viewer-response',
        FunctionARN: {
          'Fn::GetAtt': [idOf(plain.template, 'AWS::CloudFront::Function', /ViewerResponse/), 'FunctionARN'],
        },
      },
    ])
    expect(functionCode('ViewerResponse')).toBe(readFileSync(VIEWER_RESPONSE_FUNCTION, 'utf8'))
    const api = distributionConfig(plain.template).CacheBehaviors.find(
      (behavior) => behavior.PathPattern === '/api/*',
    )
    expect(api?.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: {
          'Fn::GetAtt': [idOf(plain.template, 'AWS::CloudFront::Function', /ViewerRequest/), 'FunctionARN'],
        },
      },
    ])
  })

  it('sends the same security headers as the local web server, on pages and API answers', async () => {
    const policyId = idOf(plain.template, 'AWS::CloudFront::ResponseHeadersPolicy', /./)
    const config = distributionConfig(plain.template)
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId })

    // What CloudFront sends, rendered from the template as CloudFront documents each setting.
    const policy = only(plain.template, 'AWS::CloudFront::ResponseHeadersPolicy').Properties
      .ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>
      CustomHeadersConfig: { Items: { Header: string; Value: string; Override: boolean }[] }
    }
    const security = policy.SecurityHeadersConfig
    const hsts = security.StrictTransportSecurity as Record<string, unknown>
    const cloudFront: Record<string, string> = {
      'content-security-policy': security.ContentSecurityPolicy?.ContentSecurityPolicy as string,
      'strict-transport-security': [
        `max-age=${hsts.AccessControlMaxAgeSec}`,
        ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
        ...(hsts.Preload ? ['preload'] : []),
      ].join('; '),
      'x-content-type-options': 'nosniff',
      'x-frame-options': security.FrameOptions?.FrameOption as string,
      'referrer-policy': security.ReferrerPolicy?.ReferrerPolicy as string,
      ...Object.fromEntries(policy.CustomHeadersConfig.Items.map((h) => [h.Header.toLowerCase(), h.Value])),
    }
    expect(Object.keys(security).sort()).toEqual([
      'ContentSecurityPolicy',
      'ContentTypeOptions',
      'FrameOptions',
      'ReferrerPolicy',
      'StrictTransportSecurity',
    ])
    for (const setting of [...Object.values(security), ...policy.CustomHeadersConfig.Items])
      expect(setting).toMatchObject({ Override: true })

    // What the local web server sends with a page, but for the headers of any static file.
    const web = createWebApp({ fetch: () => new Response('{}') }, siteDir)
    const response = await web.fetch(new Request('http://localhost/manage/'))
    expect(response.status).toBe(200)
    const ordinary = new Set([
      'content-type',
      'content-length',
      'last-modified',
      'etag',
      'date',
      'accept-ranges',
    ])
    const local = Object.fromEntries([...response.headers].filter(([name]) => !ordinary.has(name)))

    expect(local).toEqual(cloudFront)
    expect(local['referrer-policy']).toBe('no-referrer')
    expect(local['x-frame-options']).toBe('DENY')
    expect(local['content-security-policy']).toContain("frame-ancestors 'none'")
  })
})

/** The code of a CloudFront Function as synthesized, by its logical id's start. */
function functionCode(name: string): string {
  const id = idOf(plain.template, 'AWS::CloudFront::Function', new RegExp(`^Site${name}`))
  return (plain.template.findResources('AWS::CloudFront::Function')[id] as Resource).Properties
    .FunctionCode as string
}

/** Runs a function's code as CloudFront does: a script defining `handler`, called with an event. */
function run<T>(code: string, event: unknown): T {
  const context: { handler?: (event: unknown) => T } = {}
  runInNewContext(code, context)
  return (context.handler as (event: unknown) => T)(event)
}

const requestFor = (uri: string) => ({
  method: 'GET',
  uri,
  querystring: { code: { value: 'X' } },
  headers: { host: { value: 'h' } },
  cookies: {},
})

/** Where CloudFront sends a request for `uri`, by the viewer-request function as synthesized. */
const viewerRequest = (uri: string) =>
  run<{ uri: string }>(functionCode('ViewerRequest'), {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    request: requestFor(uri),
  }).uri

/** The status CloudFront sends when the origin answers `uri` with `statusCode`, by the viewer-response function. */
const respond = (uri: string, statusCode: number) =>
  run<{ statusCode: number }>(functionCode('ViewerResponse'), {
    request: requestFor(uri),
    response: { statusCode, statusDescription: 'OK', headers: {}, cookies: {} },
  }).statusCode

describe('the page-address functions', () => {
  it('know the built site’s pages', () => {
    expect(sitePages(siteDir)).toEqual(['/', '/manage/', '/staff/sessions/register/'])
  })

  it('know the built site’s files', () => {
    expect(siteFiles(siteDir)).toEqual(['/404.html', '/assets/page.abc123.js', '/favicon.svg'])
  })

  it.each([
    ['/', '/index.html'],
    ['/manage', '/manage/index.html'],
    ['/manage/', '/manage/index.html'],
    ['/staff/sessions/register', '/staff/sessions/register/index.html'],
    ['/staff/sessions/register/', '/staff/sessions/register/index.html'],
    ['/nope', '/404.html'],
    ['/nope/', '/404.html'],
    ['/manage/nope', '/404.html'],
    ['/staff/', '/404.html'],
    ['/index.html', '/index.html'],
    ['/404.html', '/404.html'],
    ['/assets/page.abc123.js', '/assets/page.abc123.js'],
    ['/favicon.svg', '/favicon.svg'],
    ['/_astro/x.js', '/404.html'],
    ['/assets/page.old999.js', '/404.html'],
    ['/report.pdf', '/404.html'],
    ['/manage/index.htm', '/404.html'],
    ['/manage/index.html', '/manage/index.html'],
    ['/nope/index.html', '/404.html'],
    ['/api/sessions', '/api/sessions'],
    ['/api/bookings/abc/', '/api/bookings/abc/'],
    ['/api', '/api'],
  ])('send %s to %s', (uri, expected) => {
    expect(viewerRequest(uri)).toBe(expected)
  })

  it('put the viewer’s IP in x-viewer-address on API requests, replacing what the client sent', () => {
    const request = {
      ...requestFor('/api/bookings/lookup'),
      headers: { 'x-viewer-address': { value: '1.2.3.4' } },
    }
    const sent = run<{ uri: string; headers: Record<string, { value: string }> }>(
      functionCode('ViewerRequest'),
      {
        viewer: { ip: '198.51.100.20' },
        request,
      },
    )
    expect(sent.uri).toBe('/api/bookings/lookup')
    expect(sent.headers['x-viewer-address']).toEqual({ value: '198.51.100.20' })
  })

  it('keep the query string and headers as they came', () => {
    const request = requestFor('/manage')
    expect(run(functionCode('ViewerRequest'), { request })).toEqual({ ...request, uri: '/manage/index.html' })
  })

  it('answer the not-found page with 404, and nothing else', () => {
    expect(respond('/404.html', 200)).toBe(404)
    expect(respond('/404.html', 304)).toBe(304)
    expect(respond('/manage/index.html', 200)).toBe(200)
    expect(respond('/nope/index.html', 403)).toBe(403)
  })

  it('answer every address with the status the local web server gives', async () => {
    const web = createWebApp({ fetch: () => new Response('{}') }, siteDir)
    for (const uri of [
      '/',
      '/manage',
      '/manage/',
      '/staff/sessions/register',
      '/nope',
      '/nope/',
      '/manage/nope',
      '/assets/page.abc123.js',
      '/assets/page.old999.js',
      '/favicon.svg',
      '/report.pdf',
      '/manage/index.html',
      '/nope/index.html',
    ]) {
      const origin = viewerRequest(uri)
      // S3 answers 403 for a key it does not hold (CloudFront may not list the bucket).
      const fromS3 = existsSync(join(siteDir, origin)) ? 200 : 403
      const cloudFront = respond(origin, fromS3)
      const local = (await web.fetch(new Request(`http://localhost${uri}`))).status
      expect({ uri, status: cloudFront }).toEqual({ uri, status: local })
    }
  })

  it('stop synthesis when the pages no longer fit CloudFront’s 10 KB for a function’s code', () => {
    const big = join(scratch, 'big')
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(big, 'staff', `a-long-section-name-${i}`), { recursive: true })
      writeFileSync(join(big, 'staff', `a-long-section-name-${i}`, 'index.html'), '')
    }
    expect(() => viewerRequestCode(big)).toThrow(/over CloudFront's 10 KB/)
    expect(Buffer.byteLength(viewerRequestCode(siteDir))).toBeLessThan(10 * 1024)
  })
})

describe('the site’s address', () => {
  const variables = (template: Template) =>
    (Object.values(template.findResources('AWS::Lambda::Function')) as Resource[])
      .map(
        (fn) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables,
      )
      .filter((v): v is Record<string, unknown> => v?.SITE_URL !== undefined)

  it('is the distribution’s own name without a domain: in emails, Cognito’s callbacks and the materials CORS', () => {
    const distributionId = idOf(plain.template, 'AWS::CloudFront::Distribution', /./)
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] }
    const sites = variables(plain.template)
    expect(sites.map((v) => v.POWERTOOLS_SERVICE_NAME).sort()).toEqual(['api', 'jobs', 'mail'])
    for (const v of sites) expect(v.SITE_URL).toEqual(url)
    const client = only(plain.template, 'AWS::Cognito::UserPoolClient')
    expect(client.Properties.CallbackURLs).toEqual([
      { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/staff/']] },
    ])
    plain.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: [url] })] },
    })
    const config = distributionConfig(plain.template)
    expect(config.Aliases).toBeUndefined()
    expect(config.ViewerCertificate).toBeUndefined()
  })

  it('is the custom domain, with its certificate and TLS 1.2 at least, when the context gives one', () => {
    const config = distributionConfig(withDomain.template)
    expect(config.Aliases).toEqual([DOMAIN.domainName])
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: DOMAIN.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    })
    for (const v of variables(withDomain.template)) expect(v.SITE_URL).toBe(`https://${DOMAIN.domainName}`)
    withDomain.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [`https://${DOMAIN.domainName}/staff/`],
    })
  })

  it('needs both parts of a domain, a certificate from us-east-1, and no longer takes a siteUrl', () => {
    expect(() =>
      createApp({
        outdir: scratchOut(),
        context: { ...cdkJson.context, ...NO_BUNDLING, siteDir, domainName: DOMAIN.domainName },
      }),
    ).toThrow(/Give both "domainName" and "certificateArn"/)
    expect(() =>
      createApp({
        outdir: scratchOut(),
        context: { ...cdkJson.context, ...NO_BUNDLING, siteDir, siteUrl: 'https://x.example' },
      }),
    ).toThrow(/"siteUrl" context is gone/)
    const inLondon = DOMAIN.certificateArn.replace('us-east-1', 'eu-west-2')
    expect(() =>
      createApp({
        outdir: scratchOut(),
        context: { ...cdkJson.context, ...NO_BUNDLING, siteDir, ...DOMAIN, certificateArn: inLondon },
      }),
    ).toThrow(/must be in the us-east-1 region/)
  })

  it('makes no dependency cycle: the functions refer to the distribution, which refers to the API alone', () => {
    for (const template of [plain.template, withDomain.template]) {
      const resources = template.toJSON().Resources as Record<string, Resource>
      const edges = new Map<string, Set<string>>()
      for (const [id, resource] of Object.entries(resources)) {
        const refs = new Set<string>()
        const walk = (value: unknown): void => {
          if (Array.isArray(value)) value.forEach(walk)
          else if (value && typeof value === 'object') {
            for (const [key, inner] of Object.entries(value)) {
              if (key === 'Ref' && typeof inner === 'string' && inner in resources) refs.add(inner)
              else if (key === 'Fn::GetAtt' && Array.isArray(inner)) refs.add(inner[0] as string)
              else walk(inner)
            }
          }
        }
        walk(resource.Properties)
        for (const dependency of [resource.DependsOn ?? []].flat()) refs.add(dependency)
        edges.set(id, refs)
      }
      const state = new Map<string, 'visiting' | 'done'>()
      const cycle = (id: string, path: string[]): string[] | undefined => {
        if (state.get(id) === 'done') return undefined
        if (state.get(id) === 'visiting') return [...path, id]
        state.set(id, 'visiting')
        for (const next of edges.get(id) ?? []) {
          const found = cycle(next, [...path, id])
          if (found) return found
        }
        state.set(id, 'done')
        return undefined
      }
      for (const id of edges.keys()) expect(cycle(id, [])).toBeUndefined()
      // And the functions do depend on the distribution: the address is not a copy.
      const api = Object.entries(resources).find(([, r]) =>
        JSON.stringify(r.Properties.Environment ?? {}).includes('"POWERTOOLS_SERVICE_NAME":"api"'),
      )?.[0] as string
      if (template === plain.template)
        expect([...(edges.get(api) ?? [])]).toContain(idOf(template, 'AWS::CloudFront::Distribution', /./))
    }
  })
})

describe('synthesis of the site', () => {
  it('leaves no cdk-nag AWS Solutions finding unacknowledged, with a domain or without', () => {
    for (const { app } of [plain, withDomain]) {
      const report = new AwsSolutionsChecks().validateScope(app)
      expect(
        report.violations.map((v) => `${v.ruleName} at ${v.violatingResources[0]?.constructPath}`),
      ).toEqual([])
    }
  })

  it('acknowledges only what it must, each rule with its reason: the TLS rule only without a certificate of its own', () => {
    const acknowledged = (app: typeof plain.app) =>
      app.node
        .findAll()
        .filter((c) => c.node.path.includes('/Site/') || c.node.id.startsWith('Custom::CDKBucketDeployment'))
        .flatMap((c) => c.node.metadata)
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) =>
          Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ id, reason })),
        )
    // `AwsSolutions::AwsSolutions-IAM5[Action::s3:List*]` → `AwsSolutions-IAM5`
    const ids = (app: typeof plain.app) =>
      [
        ...new Set(
          acknowledged(app).map((a) => a.id.replace(/^.*::(?=AwsSolutions-)/, '').replace(/\[.*$/, '')),
        ),
      ].sort()
    const common = [
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR3',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
    ]
    expect(ids(plain.app)).toEqual([...common, 'AwsSolutions-CFR4'].sort())
    expect(ids(withDomain.app)).toEqual(common)
    for (const { reason } of acknowledged(plain.app)) expect(reason.length).toBeGreaterThan(60)
  })
})
