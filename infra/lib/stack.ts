import { Lazy, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { Api } from './constructs/api.ts'
import { Auth } from './constructs/auth.ts'
import { Data } from './constructs/data.ts'
import { topicKey } from './constructs/encrypted-topic.ts'
import { Jobs } from './constructs/jobs.ts'
import { Mail } from './constructs/mail.ts'
import { ManageTokenSecret } from './constructs/manage-token-secret.ts'
import { Materials } from './constructs/materials.ts'
import { Monitoring } from './constructs/monitoring.ts'
import { Site, type SiteDomain } from './constructs/site.ts'
import { Stats } from './constructs/stats.ts'

export interface TrainingStackProps extends StackProps {
  /** The domain emails come from (SES identity). */
  mailDomain: string
  /** The display name in the From header. */
  senderName: string
  /** The built Astro site to upload (`site/dist`). */
  siteDir: string
  /** The site's own domain and certificate; without them it is served on its `*.cloudfront.net` name. */
  domain?: SiteDomain
  /** The prefix of staff sign-in's hosted domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  authDomainPrefix: string
  /** Who is emailed when an alarm goes off (none: the alarm topic only). */
  alarmEmail?: string
  /** A CloudFront-scope web ACL (the edge stack's `WebAclArn` output) for the distribution. */
  webAclArn?: string
  /** Months a booking's personal data is kept after its session (the retention job); default 24. */
  retentionMonths?: number
  /**
   * The reminders of a session that sets none of its own, in minutes before each part
   * (`REMINDER_LEADS_MINUTES` of the functions that save sessions); default `DEFAULT_REMINDER_LEADS_MINUTES`.
   */
  reminderLeadsMinutes?: readonly number[]
}

/** The whole platform in one stack: one construct per business area. */
export class TrainingStack extends Stack {
  readonly data: Data
  readonly api: Api
  readonly mail: Mail
  readonly auth: Auth
  readonly jobs: Jobs
  readonly materials: Materials
  readonly stats: Stats
  readonly monitoring: Monitoring
  readonly site: Site

  constructor(scope: Construct, id: string, props: TrainingStackProps) {
    super(scope, id, props)
    // Emails, Cognito's callbacks and the materials bucket's CORS need the site's address, and the
    // site's distribution needs the API. The address is read once the site exists: the functions'
    // SITE_URL refers to the distribution's domain name, and the distribution to the HTTP API alone,
    // not to any function, so there is no cycle.
    const siteUrl = Lazy.string({ produce: () => this.site.url })
    const reminders = props.reminderLeadsMinutes ? { reminderLeadsMinutes: props.reminderLeadsMinutes } : {}
    this.data = new Data(this, 'Data')
    const manageTokenSecret = new ManageTokenSecret(this, 'ManageTokenSecret').secret
    this.materials = new Materials(this, 'Materials', { siteUrl })
    this.api = new Api(this, 'Api', {
      table: this.data.table,
      manageTokenSecret,
      siteUrl,
      materials: this.materials.bucket,
      ...reminders,
    })
    this.auth = new Auth(this, 'Auth', { siteUrl, domainPrefix: props.authDomainPrefix })
    this.auth.bindApi(this.api.function)
    // One key for every topic (SES's bounces and complaints, the alarms): a key is billed each month.
    const topicsKey = topicKey(this, 'TopicKey', ['ses.amazonaws.com', 'cloudwatch.amazonaws.com'])
    this.mail = new Mail(this, 'Mail', {
      topicKey: topicsKey,
      table: this.data.table,
      manageTokenSecret,
      domain: props.mailDomain,
      senderName: props.senderName,
      siteUrl,
    })
    this.jobs = new Jobs(this, 'Jobs', {
      table: this.data.table,
      manageTokenSecret,
      siteUrl,
      sender: this.mail.sender,
      ...(props.retentionMonths === undefined ? {} : { retentionMonths: props.retentionMonths }),
      ...reminders,
    })
    this.stats = new Stats(this, 'Stats', { table: this.data.table })
    this.site = new Site(this, 'Site', {
      siteDir: props.siteDir,
      api: this.api.httpApi,
      ...(props.domain ? { domain: props.domain } : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
    })
    this.monitoring = new Monitoring(this, 'Monitoring', {
      topicKey: topicsKey,
      api: this.api.httpApi,
      functions: [
        this.api.function,
        this.mail.function,
        this.mail.feedback.function,
        this.jobs.function,
        this.stats.function,
      ],
      deadLetterQueues: {
        'failed job runs': this.jobs.failedRuns,
        'failed mail deliveries': this.mail.failedDeliveries,
        'failed take-up records': this.stats.failedRecords,
      },
      outboxSenders: [this.mail.function, this.jobs.function],
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    })
  }
}
