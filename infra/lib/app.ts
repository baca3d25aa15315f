import { App, type AppProps, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { TrainingStack } from './stack.ts'

/** Context keys read by the app (set in `cdk.json`, overridable with `cdk synth -c key=value`). */
export const CONTEXT = {
  mailDomain: 'mailDomain',
  senderName: 'senderName',
  siteUrl: 'siteUrl',
  authDomainPrefix: 'authDomainPrefix',
  /** Optional: who is emailed when an alarm goes off. */
  alarmEmail: 'alarmEmail',
} as const

/**
 * The CDK app: the stack, checked by cdk-nag's AWS Solutions rules. Any finding not acknowledged
 * with a reason fails synthesis, in `cdk synth` and in the tests alike.
 */
export function createApp(props: AppProps = {}): { app: App; stack: TrainingStack } {
  const app = new App(props)
  const stack = new TrainingStack(app, 'EarlyYearsSendTraining', {
    description: 'Early-years SEND training booking platform',
    mailDomain: requireContext(app, CONTEXT.mailDomain),
    senderName: requireContext(app, CONTEXT.senderName),
    siteUrl: requireContext(app, CONTEXT.siteUrl),
    authDomainPrefix: requireContext(app, CONTEXT.authDomainPrefix),
    ...optionalContext(app, CONTEXT.alarmEmail, 'alarmEmail'),
  })
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
  return { app, stack }
}

/** `{ [prop]: value }` when the context holds a non-empty string under `key`, else nothing. */
function optionalContext<P extends string>(app: App, key: string, prop: P): Partial<Record<P, string>> {
  const value: unknown = app.node.tryGetContext(key)
  if (value === undefined || value === '') return {}
  if (typeof value !== 'string') throw new Error(`CDK context value "${key}" must be a string`)
  return { [prop]: value } as Partial<Record<P, string>>
}

function requireContext(app: App, key: string): string {
  const value: unknown = app.node.tryGetContext(key)
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`Missing CDK context value "${key}"`)
  return value
}
