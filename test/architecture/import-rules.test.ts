import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ImportEdge, importGraph, ROOT, sourceFiles, targetOf, workspaceParts } from './import-graph.ts'
import { RULES, violations } from './rules.ts'

const graph = importGraph()
const parts = workspaceParts()

/** An import as if `from` held it, for checking that a rule would catch it. */
function edge(from: string, specifier: string): ImportEdge {
  return { from, specifier, target: targetOf(from, specifier, parts) }
}

function broken(from: string, specifier: string): string[] {
  return RULES.filter((rule) => violations(rule, [edge(from, specifier)]).length > 0).map((rule) => rule.name)
}

describe('the architecture', () => {
  it('reads the imports of every part that ships, Astro pages included', () => {
    const importing = new Set(graph.map((e) => e.from.split('/').slice(0, 2).join('/')))
    for (const part of [
      'packages/domain',
      'packages/dynamodb',
      'functions/api',
      'functions/mail',
      'site/src',
    ]) {
      expect(importing).toContain(part)
    }
    expect(graph.some((e) => e.from.endsWith('.astro'))).toBe(true)
    expect(graph).toContainEqual(
      expect.objectContaining({
        from: 'functions/api/src/app.ts',
        target: { kind: 'part', part: 'functions/api' },
      }),
    )
  })

  it.each(RULES.map((rule) => [rule.name, rule] as const))('holds: %s', (_name, rule) => {
    expect(violations(rule, graph)).toEqual([])
  })

  it('keeps Node globals out of the browser-safe packages', () => {
    const browserSafe = sourceFiles().filter((file) =>
      /^packages\/(domain|contract|presentation|reference-data)\/src\//.test(file),
    )
    expect(browserSafe.length).toBeGreaterThan(10)
    const offenders = browserSafe.filter((file) =>
      /\b(process\.|Buffer\.|require\(|__dirname)/.test(
        readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
      ),
    )
    expect(offenders).toEqual([])
  })
})

describe('the rules catch', () => {
  it.each([
    ['site/src/scripts/find.ts', '@ey/api', 'the site speaks HTTP only'],
    ['site/src/scripts/find.ts', '../../../functions/api/src/schemas.ts', 'the site speaks HTTP only'],
    ['site/scripts/audit.ts', '@ey/mail-function', 'the site speaks HTTP only'],
    ['site/src/scripts/find.ts', '@ey/dynamodb', 'the pages import only browser-safe packages'],
    ['site/src/scripts/find.ts', 'node:crypto', 'the pages import only browser-safe packages'],
    ['packages/domain/src/rules/x.ts', 'node:crypto', 'the core imports no adapter'],
    ['packages/domain/src/rules/x.ts', 'crypto', 'the core imports no adapter'],
    ['packages/domain/src/rules/x.ts', '@ey/dynamodb', 'the core imports no adapter'],
    ['packages/domain/src/rules/x.ts', '@aws-sdk/client-dynamodb', 'the core imports no adapter'],
    ['packages/contract/src/x.ts', 'hono', 'browser-safe packages'],
    ['functions/api/src/x.ts', 'aws-cdk-lib', 'runtime code (packages and functions) never imports CDK'],
    [
      'packages/dynamodb/src/x.ts',
      '@ey/local-stack',
      'runtime code (packages and functions) never imports CDK',
    ],
    ['packages/dynamodb/src/x.ts', '@ey/api', 'adapters never import a function'],
    ['functions/mail/src/x.ts', '../../api/src/app.ts', 'a function never imports another function'],
    ['infra/lib/x.ts', '@ey/api', 'the infrastructure never imports a function'],
    ['infra/lib/x.ts', '@ey/jobs-function', 'the infrastructure never imports a function'],
    [
      'infra/lib/x.ts',
      '../../functions/jobs/src/schedules.ts',
      'the infrastructure never imports a function',
    ],
    ['functions/jobs/src/schedules.ts', '@ey/domain', 'the job schedules that infra reads import nothing'],
    ['functions/jobs/src/schedules.ts', './registry.ts', 'the job schedules that infra reads import nothing'],
  ])('%s importing %s: %s', (from, specifier, rule) => {
    expect(broken(from, specifier)).toContainEqual(expect.stringContaining(rule))
  })

  it.each([
    ['site/src/scripts/find.ts', '@ey/domain'],
    ['site/src/scripts/find.ts', 'accessible-autocomplete'],
    ['packages/domain/src/rules/x.ts', 'zod'],
    ['packages/domain/src/rules/x.ts', '../schemas/session.ts'],
    ['functions/api/src/x.ts', '@ey/dynamodb'],
    ['packages/local-stack/src/stack.ts', '@ey/api'],
    ['infra/lib/x.ts', '@ey/dynamodb'],
    ['infra/lib/constructs/jobs.ts', '@ey/jobs-function/schedules'],
  ])('%s may import %s', (from, specifier) => {
    expect(broken(from, specifier)).toEqual([])
  })
})
