import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..')

/** Where the code that ships lives: every rule speaks of files under these folders. */
const SOURCE_DIRS = ['packages', 'functions', 'site/src', 'site/scripts', 'infra/bin', 'infra/lib', 'bench']

/** What an import points at: a part of this repository (by folder), a Node built-in, or an npm package. */
export type Target =
  | { kind: 'part'; part: string }
  | { kind: 'node'; name: string }
  | { kind: 'package'; name: string }

/** One import statement: the importing file (relative to the root) and what it reaches. */
export interface ImportEdge {
  from: string
  specifier: string
  target: Target
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/gm
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
const NODE_BUILTINS = new Set(builtinModules)

/** The workspace's parts (each folder with a package.json under the roots) by package name. */
export function workspaceParts(): Map<string, string> {
  const parts = new Map<string, string>()
  for (const base of ['packages', 'functions']) {
    for (const entry of readdirSync(join(ROOT, base), { withFileTypes: true })) {
      if (entry.isDirectory()) parts.set(packageName(join(base, entry.name)), join(base, entry.name))
    }
  }
  for (const dir of ['site', 'infra', 'bench', 'test']) parts.set(packageName(dir), dir)
  return parts
}

function packageName(dir: string): string {
  return (JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string }).name
}

/** The part of the repository a path belongs to: `packages/domain`, `functions/api`, `site`, `infra`... */
export function partOf(path: string): string {
  const [first, second] = path.split('/')
  return first === 'packages' || first === 'functions' ? `${first}/${second}` : (first ?? path)
}

/** Every source file that ships (TypeScript and Astro), relative to the root. */
export function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|mts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path)
    }
  }
  for (const dir of SOURCE_DIRS) walk(dir)
  return files
}

/** The specifiers a file imports, statically or dynamically (Astro frontmatter and scripts alike). */
export function specifiersIn(text: string): string[] {
  return [...text.matchAll(STATIC_IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] as string)
}

/** What a specifier imported from `from` reaches. */
export function targetOf(from: string, specifier: string, parts: ReadonlyMap<string, string>): Target {
  if (specifier.startsWith('.')) {
    return { kind: 'part', part: partOf(relative(ROOT, resolve(ROOT, dirname(from), specifier))) }
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '')) {
    return { kind: 'node', name: specifier.replace(/^node:/, '') }
  }
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier)
  const part = parts.get(name)
  return part ? { kind: 'part', part } : { kind: 'package', name }
}

/** The whole import graph of the code that ships. */
export function importGraph(): ImportEdge[] {
  const parts = workspaceParts()
  return sourceFiles().flatMap((from) =>
    specifiersIn(readFileSync(join(ROOT, from), 'utf8')).map((specifier) => ({
      from,
      specifier,
      target: targetOf(from, specifier, parts),
    })),
  )
}
