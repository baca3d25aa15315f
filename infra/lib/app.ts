import { App, type AppProps, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { TrainingStack } from './stack.ts'

/** Context keys read by the app (set in `cdk.json`, overridable with `cdk synth -c key=value`). */
export const CONTEXT = {
  mailDomain: 'mailDomain',
  senderName: 'senderName',
  siteUrl: 'siteUrl',
  authDomainPrefix: 'authDomainPrefix',
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
  })
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
  return { app, stack }
}

function requireContext(app: App, key: string): string {
  const value: unknown = app.node.tryGetContext(key)
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`Missing CDK context value "${key}"`)
  return value
}
