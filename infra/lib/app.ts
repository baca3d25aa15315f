import { join } from 'node:path'
import { parseReminderLeads, REMINDER_LEADS_RULE } from '@ey/domain'
import { App, type AppProps, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import type { SiteDomain } from './constructs/site.ts'
import { EdgeProtectionStack } from './edge-stack.ts'
import { REPO_ROOT } from './paths.ts'
import { TrainingStack } from './stack.ts'

/** Context keys read by the app (set in `cdk.json`, overridable with `cdk synth -c key=value`). */
export const CONTEXT = {
  mailDomain: 'mailDomain',
  senderName: 'senderName',
  authDomainPrefix: 'authDomainPrefix',
  /** Optional: who is emailed when an alarm goes off. */
  alarmEmail: 'alarmEmail',
  /** Optional: the site's own domain (`training.example.org`), with `certificateArn`. */
  domainName: 'domainName',
  /** Optional: an ACM certificate in us-east-1 covering `domainName`. */
  certificateArn: 'certificateArn',
  /** Optional: the built site to upload; defaults to `site/dist`, where `astro build` writes it. */
  siteDir: 'siteDir',
  /** Optional: `true` adds the edge stack (the WAF web ACL in us-east-1), for `pnpm deploy:edge`. */
  edgeProtection: 'edgeProtection',
  /** Optional: the edge stack's `WebAclArn` output, attached to the distribution. */
  webAclArn: 'webAclArn',
  /** Optional: months a booking's personal data is kept after its session (1–120; default 24). */
  retentionMonths: 'retentionMonths',
  /**
   * Optional: the reminders of a session that sets none of its own, in minutes before each part
   * (`2880,120`, or a list of numbers; empty for none; default 2 days and 2 hours).
   */
  reminderLeadsMinutes: 'reminderLeadsMinutes',
} as const

/** The edge stack's name: the CloudFront-scope web ACL, in us-east-1 as CloudFront requires. */
export const EDGE_STACK_NAME = 'EarlyYearsSendTrainingEdge'

/** Where `astro build` writes the site (Astro's default `outDir`), which `cdk deploy` uploads. */
export const DEFAULT_SITE_DIR = join(REPO_ROOT, 'site', 'dist')

/**
 * The CDK app: the stack and, with `-c edgeProtection=true`, the edge stack (`EDGE_STACK_NAME`),
 * checked by cdk-nag's AWS Solutions rules. Any finding not acknowledged
 * with a reason fails synthesis, in `cdk synth` and in the tests alike.
 */
export function createApp(props: AppProps = {}): {
  app: App
  stack: TrainingStack
  edge: EdgeProtectionStack | undefined
} {
  const app = new App(props)
  const stack = new TrainingStack(app, 'EarlyYearsSendTraining', {
    description: 'Early-years SEND training booking platform',
    mailDomain: requireContext(app, CONTEXT.mailDomain),
    senderName: requireContext(app, CONTEXT.senderName),
    authDomainPrefix: requireContext(app, CONTEXT.authDomainPrefix),
    ...optionalContext(app, CONTEXT.alarmEmail, 'alarmEmail'),
    ...optionalContext(app, CONTEXT.webAclArn, 'webAclArn'),
    siteDir: contextString(app, CONTEXT.siteDir) ?? DEFAULT_SITE_DIR,
    ...retentionMonths(app),
    ...reminderLeadsMinutes(app),
    ...siteDomain(app),
  })
  const edgeOn = [true, 'true'].includes(app.node.tryGetContext(CONTEXT.edgeProtection))
  const edge = edgeOn
    ? new EdgeProtectionStack(app, EDGE_STACK_NAME, {
        description: 'Early-years SEND training: AWS WAF rate limits at CloudFront',
        env: { region: 'us-east-1' },
      })
    : undefined
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
  return { app, stack, edge }
}

/** `{ [prop]: value }` when the context holds a non-empty string under `key`, else nothing. */
function optionalContext<P extends string>(app: App, key: string, prop: P): Partial<Record<P, string>> {
  const value: unknown = app.node.tryGetContext(key)
  if (value === undefined || value === '') return {}
  if (typeof value !== 'string') throw new Error(`CDK context value "${key}" must be a string`)
  return { [prop]: value } as Partial<Record<P, string>>
}

/** The site's address comes from its distribution or `domainName` now, never from a context value. */
function siteDomain(app: App): { domain?: SiteDomain } {
  if (app.node.tryGetContext('siteUrl') !== undefined)
    throw new Error(
      'The "siteUrl" context is gone: the site is served by the stack (give "domainName" and "certificateArn" for a domain of its own)',
    )
  const domainName = contextString(app, CONTEXT.domainName)
  const certificateArn = contextString(app, CONTEXT.certificateArn)
  if (!domainName && !certificateArn) return {}
  if (!domainName || !certificateArn)
    throw new Error(
      'Give both "domainName" and "certificateArn" (ACM, us-east-1) for the site\'s own domain, or neither',
    )
  return { domain: { domainName, certificateArn } }
}

/** `retentionMonths` from the context (a number, or its text from `-c`): a whole number of months, 1 to 120. */
function retentionMonths(app: App): { retentionMonths?: number } {
  const value: unknown = app.node.tryGetContext(CONTEXT.retentionMonths)
  if (value === undefined || value === '') return {}
  const months = Number(value)
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new Error(
      `CDK context value "${CONTEXT.retentionMonths}" must be a whole number of months from 1 to 120`,
    )
  return { retentionMonths: months }
}

/**
 * `reminderLeadsMinutes` from the context: `2880,120` (text from `-c`), or a list of numbers (from
 * `cdk.json`); empty text or an empty list is no default reminders. Checked as the functions check
 * `REMINDER_LEADS_MINUTES`, so a bad value stops the synth instead of the functions' start-up.
 */
function reminderLeadsMinutes(app: App): { reminderLeadsMinutes?: readonly number[] } {
  const value: unknown = app.node.tryGetContext(CONTEXT.reminderLeadsMinutes)
  if (value === undefined) return {}
  const text =
    typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : Array.isArray(value) && value.every((lead) => typeof lead === 'number')
        ? value.join(',')
        : undefined
  const leads = text === undefined ? undefined : parseReminderLeads(text)
  if (!leads)
    throw new Error(`CDK context value "${CONTEXT.reminderLeadsMinutes}" must be ${REMINDER_LEADS_RULE}`)
  return { reminderLeadsMinutes: leads }
}

/** The trimmed string under `key`, or nothing when it is absent or empty. */
function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function requireContext(app: App, key: string): string {
  const value: unknown = app.node.tryGetContext(key)
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`Missing CDK context value "${key}"`)
  return value
}
