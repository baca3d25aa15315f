import { type ImportEdge, partOf, type Target } from './import-graph.ts'

/** A rule of the architecture, as the README states it, over one import. */
export interface ImportRule {
  name: string
  /** Whether the rule speaks of imports made by this file. */
  appliesTo(file: string): boolean
  /** Whether importing this target (by this specifier) from that file breaks the rule. */
  breaks(target: Target, file: string, specifier: string): boolean
}

/** Parts that load in a browser: the site may import them, and they import only each other. */
const BROWSER_PARTS = [
  'packages/domain',
  'packages/contract',
  'packages/presentation',
  'packages/reference-data',
]

/** Pure libraries (no Node, no I/O) that the browser-safe parts may use. */
const PURE_PACKAGES = ['zod', 'date-fns', '@date-fns/tz', 'csv-parse']

const CDK_PACKAGES = ['aws-cdk-lib', 'constructs', 'cdk-nag', 'aws-cdk']

const isPart = (target: Target, test: (part: string) => boolean) =>
  target.kind === 'part' && test(target.part)
const isFunction = (part: string) => part.startsWith('functions/')
const shippedSource = (file: string) => file.includes('/src/')

/**
 * The one module of a function that infra/ may import: the jobs' names, schedule expressions and
 * descriptions, which the CDK app turns into one EventBridge Scheduler schedule each. It imports
 * nothing (a rule below holds it to that), so importing it loads no runtime code into CDK.
 */
const JOB_SCHEDULES_MODULE = {
  specifier: '@ey/jobs-function/schedules',
  file: 'functions/jobs/src/schedules.ts',
}

export const RULES: readonly ImportRule[] = [
  {
    name: 'the core imports no adapter: packages/domain imports only its own files and pure libraries',
    appliesTo: (file) => partOf(file) === 'packages/domain',
    breaks: (target) =>
      target.kind === 'node' ||
      isPart(target, (part) => part !== 'packages/domain') ||
      (target.kind === 'package' && !PURE_PACKAGES.includes(target.name)),
  },
  {
    name: 'browser-safe packages (domain, contract, presentation, reference data) import only each other and pure libraries',
    appliesTo: (file) => BROWSER_PARTS.includes(partOf(file)) && shippedSource(file),
    breaks: (target) =>
      target.kind === 'node' ||
      isPart(target, (part) => !BROWSER_PARTS.includes(part)) ||
      (target.kind === 'package' && !PURE_PACKAGES.includes(target.name)),
  },
  {
    name: 'the site speaks HTTP only: nothing under site/ imports a function',
    appliesTo: (file) => file.startsWith('site/'),
    breaks: (target) => isPart(target, isFunction),
  },
  {
    name: 'the pages import only browser-safe packages: no adapter, no Node, no AWS SDK',
    appliesTo: (file) => file.startsWith('site/src/'),
    breaks: (target) =>
      target.kind === 'node' ||
      isPart(target, (part) => part !== 'site' && !BROWSER_PARTS.includes(part)) ||
      (target.kind === 'package' && /^(@aws-sdk\/|hono$|@hono\/)/.test(target.name)),
  },
  {
    name: 'runtime code (packages and functions) never imports CDK or the local stack',
    appliesTo: (file) =>
      (partOf(file).startsWith('packages/') && partOf(file) !== 'packages/local-stack') ||
      isFunction(partOf(file)),
    breaks: (target) =>
      isPart(target, (part) => part === 'infra' || part === 'packages/local-stack') ||
      (target.kind === 'package' && CDK_PACKAGES.includes(target.name)),
  },
  {
    name: 'adapters never import a function (only the local stack runs them)',
    appliesTo: (file) => partOf(file).startsWith('packages/') && partOf(file) !== 'packages/local-stack',
    breaks: (target) => isPart(target, isFunction),
  },
  {
    name: 'a function never imports another function',
    appliesTo: (file) => isFunction(partOf(file)),
    breaks: (target, file) => isPart(target, (part) => isFunction(part) && part !== partOf(file)),
  },
  {
    name: 'the infrastructure never imports a function or the local stack (it bundles entries by path), but for the job schedules',
    appliesTo: (file) => partOf(file) === 'infra',
    breaks: (target, _file, specifier) =>
      isPart(target, (part) => part === 'packages/local-stack') ||
      (isPart(target, isFunction) && specifier !== JOB_SCHEDULES_MODULE.specifier),
  },
  {
    name: 'the job schedules that infra reads import nothing',
    appliesTo: (file) => file === JOB_SCHEDULES_MODULE.file,
    breaks: () => true,
  },
]

/** The imports that break a rule, each as `file → specifier`. */
export function violations(rule: ImportRule, edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => rule.appliesTo(edge.from) && rule.breaks(edge.target, edge.from, edge.specifier))
    .map((edge) => `${edge.from} → ${edge.specifier}`)
}
