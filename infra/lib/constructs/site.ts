import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { SECURITY_HEADERS } from '@ey/presentation/security-headers'
import {
  type CfnElement,
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment'
import { Construct } from 'constructs'

/** A custom domain for the site, with its certificate (in ACM in us-east-1, as CloudFront requires). */
export interface SiteDomain {
  /** For example `training.example.org`; its DNS is pointed at the distribution outside this stack. */
  domainName: string
  certificateArn: string
}

export interface SiteProps {
  /**
   * The ARN of a CloudFront-scope AWS WAF web ACL (made in us-east-1 by the edge stack,
   * `EarlyYearsSendTrainingEdge`) to attach to the distribution; none without it.
   */
  webAclArn?: string
  /** The built Astro site (`site/dist`), uploaded by `cdk deploy`. */
  siteDir: string
  /** The HTTP API, served under `/api/*` on the site's own origin. */
  api: HttpApi
  /** Without it the site is served on the distribution's `*.cloudfront.net` name. */
  domain?: SiteDomain
}

/**
 * The CloudFront Function on the site's viewer requests: a page's address → its `index.html`; on
 * `/api/*`, the viewer's IP in `x-viewer-address` (whatever the client sent), which the API's rate
 * limits count by.
 */
export const VIEWER_REQUEST_FUNCTION = join(import.meta.dirname, 'site', 'viewer-request.js')
/** The CloudFront Function on the site's viewer responses: the not-found page as a 404. */
export const VIEWER_RESPONSE_FUNCTION = join(import.meta.dirname, 'site', 'viewer-response.js')
/** CloudFront's limit on a function's code. */
const FUNCTION_CODE_LIMIT = 10 * 1024

/** The built site's pages by address: each folder with an `index.html`, as `/` or `/manage/`. */
export function sitePages(siteDir: string): string[] {
  return (readdirSync(siteDir, { recursive: true }) as string[])
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => (dirname(file) === '.' ? '/' : `/${dirname(file)}/`))
    .sort()
}

/** The built site's files other than its pages' `index.html`, by address: `/404.html`, `/assets/x.js`. */
export function siteFiles(siteDir: string): string[] {
  return (readdirSync(siteDir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile() && entry.name !== 'index.html')
    .map((entry) => `/${relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort()
}

/** viewer-request.js with the built site's pages and files filled in, as CloudFront runs it. */
export function viewerRequestCode(siteDir: string): string {
  let code = readFileSync(VIEWER_REQUEST_FUNCTION, 'utf8')
  const fill = (name: string, addresses: string[]) => {
    const placeholder = `const ${name} = {}`
    if (code.split(placeholder).length !== 2)
      throw new Error(`${VIEWER_REQUEST_FUNCTION} needs one "${placeholder}"`)
    const set = Object.fromEntries(addresses.map((address) => [address, true]))
    code = code.replace(placeholder, () => `const ${name} = ${JSON.stringify(set)}`)
  }
  fill('PAGES', sitePages(siteDir))
  fill('FILES', siteFiles(siteDir))
  if (Buffer.byteLength(code) > FUNCTION_CODE_LIMIT)
    throw new Error(
      `The viewer-request function is ${Buffer.byteLength(code)} bytes, over CloudFront's 10 KB`,
    )
  return code
}

/**
 * The public site: the built pages in a private bucket that only the distribution reads (origin
 * access control), and the API under `/api/*` on the same origin, so the pages need no CORS. Every
 * answer carries the security headers the local web server sends, from the same definition
 * (`@ey/presentation`'s `SECURITY_HEADERS`). `cdk deploy` uploads the pages and clears the edge caches.
 */
export class Site extends Construct {
  readonly bucket: Bucket
  readonly distribution: Distribution
  readonly responseHeadersPolicy: ResponseHeadersPolicy
  /** The site's origin, `https://…`: the custom domain when given, else the distribution's name. */
  readonly url: string

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id)
    if (!existsSync(join(props.siteDir, 'index.html')) || !existsSync(join(props.siteDir, '404.html')))
      throw new Error(
        `No built site at ${props.siteDir}: run \`pnpm --filter @ey/site build\` first (\`pnpm synth\` does)`,
      )

    // Everything in it comes from the repository at each deploy, but the deployment leaves its files
    // when the stack goes (aws-s3-deployment's default): a deleted stack leaves this private bucket
    // to empty and delete by hand rather than failing on a bucket that is not empty.
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The built pages only: written by the deployment from the repository, read only by the distribution through origin access control.',
    })

    const headers = SECURITY_HEADERS
    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'The security headers of the local web server (@ey/presentation SECURITY_HEADERS)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: headers.contentSecurityPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(headers.strictTransportSecurity.maxAgeSeconds),
          includeSubdomains: headers.strictTransportSecurity.includeSubDomains,
          override: true,
        },
        // CloudFront's only value for it is `nosniff`.
        contentTypeOptions: { override: nosniff(headers.contentTypeOptions) },
        frameOptions: { frameOption: frameOption(headers.frameOptions), override: true },
        referrerPolicy: { referrerPolicy: referrerPolicy(headers.referrerPolicy), override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: headers.permissionsPolicy,
            override: true,
          },
        ],
      },
    })

    const viewerRequest = new EdgeFunction(this, 'ViewerRequest', {
      code: FunctionCode.fromInline(viewerRequestCode(props.siteDir)),
      runtime: FunctionRuntime.JS_2_0,
      comment:
        'A page address to its index.html, else /404.html; on /api/* the viewer IP in x-viewer-address',
    })
    const viewerResponse = new EdgeFunction(this, 'ViewerResponse', {
      code: FunctionCode.fromFile({ filePath: VIEWER_RESPONSE_FUNCTION }),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'The not-found page with status 404',
    })

    const stack = Stack.of(this)
    const apiOrigin = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    })

    const certificate = props.domain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn)
      : undefined
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'The booking site and its API',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.domain && certificate
        ? {
            domainNames: [props.domain.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [
          { function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST },
          { function: viewerResponse, eventType: FunctionEventType.VIEWER_RESPONSE },
        ],
      },
      additionalBehaviors: {
        // Every method, never cached; every viewer header but Host (API Gateway routes by its own
        // host name), the query and cookies reach the API: staff send a bearer token in Authorization.
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeadersPolicy,
          compress: true,
          functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    })
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Practitioners book from anywhere (travel, holidays); no law or licence limits the site to a country.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access logs: they would record every client IP and full query string, including the one-click alert stop links (`/api/alerts/{id}/stop?token=…`), and no log of this platform holds personal data. The API stage logs every /api request by route; CloudFront publishes request and error-rate metrics without logs.',
      },
    )
    if (!props.webAclArn)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL unless deployed with -c webAclArn (the edge stack, EarlyYearsSendTrainingEdge): the API itself limits booking, find-my-bookings and check-in per address and per email, and the stage throttles every route; a web ACL has a monthly fee of its own, against a cost goal of under £5 a month.',
      })
    if (!props.domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution serves the *.cloudfront.net certificate, whose TLS policy cannot be set; with the domainName and certificateArn context it requires TLSv1.2_2021.',
      })

    this.url = props.domain
      ? `https://${props.domain.domainName}`
      : `https://${this.distribution.distributionDomainName}`

    // `cdk deploy` uploads the built pages, removes pages no longer built and clears the edge caches.
    // Browsers revalidate every file (ETag); the edges keep a file a day or until the next deploy.
    const deployLogs = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH })
    const deployRole = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the built site and invalidates the distribution',
    })
    deployLogs.grantWrite(deployRole)
    new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.seconds(0)),
        CacheControl.mustRevalidate(),
        CacheControl.sMaxAge(Duration.days(1)),
      ],
      role: deployRole,
      logGroup: deployLogs,
      memoryLimit: 512,
    })
    // The role's policy is the one aws-s3-deployment writes; its wildcards reach two buckets only.
    const siteBucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)
    const assetBucket = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>`
    const acknowledge = (finding: string, reason: string) =>
      Validations.of(deployRole).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason })
    const readsAsset =
      "Reads the site's zip from CDK's asset bucket: the s3:GetObject*, s3:GetBucket* and s3:List* that aws-s3-deployment grants on that bucket's objects."
    acknowledge('Action::s3:GetObject*', readsAsset)
    acknowledge('Action::s3:GetBucket*', readsAsset)
    acknowledge('Action::s3:List*', readsAsset)
    acknowledge(`Resource::arn:<AWS::Partition>:s3:::${assetBucket}/*`, readsAsset)
    const replacesSite =
      "Replaces every file of the site bucket and removes pages no longer built (s3:DeleteObject*, s3:Abort* of multipart uploads) on that bucket's objects only."
    acknowledge('Action::s3:DeleteObject*', replacesSite)
    acknowledge('Action::s3:Abort*', replacesSite)
    acknowledge(`Resource::<${siteBucketId}.Arn>/*`, replacesSite)
    acknowledge(
      'Resource::*',
      'cloudfront:CreateInvalidation and GetInvalidation, which aws-s3-deployment grants on * to clear the edge caches after each upload.',
    )
    for (const handler of stack.node.children.filter((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    ))
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          "aws-s3-deployment's own upload handler, on the Python runtime its aws-cdk-lib release pins; it runs only during deploys.",
      })

    new CfnOutput(this, 'Url', { value: this.url, description: 'The site (and its API under /api)' })
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.distribution.distributionDomainName,
      description: 'Point the custom domain here (CNAME or alias)',
    })
  }
}

function nosniff(value: string): true {
  if (value !== 'nosniff') throw new Error(`CloudFront cannot send X-Content-Type-Options: ${value}`)
  return true
}

function frameOption(value: string): HeadersFrameOption {
  if (value === 'DENY') return HeadersFrameOption.DENY
  if (value === 'SAMEORIGIN') return HeadersFrameOption.SAMEORIGIN
  throw new Error(`CloudFront cannot send X-Frame-Options: ${value}`)
}

function referrerPolicy(value: string): HeadersReferrerPolicy {
  const found = Object.values(HeadersReferrerPolicy).find((policy) => policy === value)
  if (!found) throw new Error(`CloudFront cannot send Referrer-Policy: ${value}`)
  return found
}
