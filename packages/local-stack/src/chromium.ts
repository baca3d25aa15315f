import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/** Debian's Chromium, which the browser tests and the site audit drive (never a downloaded one). */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Headless Chromium, cut off from everything but this machine. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]

/** A Debian package of fonts the pages are tested with, and the files of it Chromium may use. */
export interface TestFontPackage {
  name: string
  files: readonly string[]
}

const LIBERATION = '/usr/share/fonts/truetype/liberation'
const DEJAVU = '/usr/share/fonts/truetype/dejavu'

/**
 * The fonts every page is tested with, whatever else the machine has: Liberation (metric-compatible
 * with Arial, which the site's font stack asks for) and DejaVu's core files for glyphs it lacks.
 */
export const TEST_FONT_PACKAGES: readonly TestFontPackage[] = [
  {
    name: 'fonts-liberation',
    files: ['Sans', 'Serif', 'Mono'].flatMap((kind) =>
      ['Regular', 'Bold', 'Italic', 'BoldItalic'].map(
        (style) => `${LIBERATION}/Liberation${kind}-${style}.ttf`,
      ),
    ),
  },
  {
    name: 'fonts-dejavu-core',
    files: ['DejaVuSans', 'DejaVuSerif', 'DejaVuSansMono'].flatMap((family) => [
      `${DEJAVU}/${family}.ttf`,
      `${DEJAVU}/${family}-Bold.ttf`,
    ]),
  },
]

/** The packages of TEST_FONT_PACKAGES with a file missing on this machine. */
export function missingFontPackages(): string[] {
  return TEST_FONT_PACKAGES.filter((pkg) => pkg.files.some((file) => !existsSync(file))).map(
    (pkg) => pkg.name,
  )
}

// Families the site (or a browser default) may ask for, each mapped to the tested fonts. `same`
// binding makes Chromium take the alias as the family itself, as Debian's metric aliases do.
const ALIASES: readonly [family: string, prefer: readonly string[]][] = [
  ['Arial', ['Liberation Sans']],
  ['Helvetica', ['Liberation Sans']],
  ['Times New Roman', ['Liberation Serif']],
  ['Times', ['Liberation Serif']],
  ['Courier New', ['Liberation Mono']],
  ['Courier', ['Liberation Mono']],
  ['sans-serif', ['Liberation Sans', 'DejaVu Sans']],
  ['sans', ['Liberation Sans', 'DejaVu Sans']],
  ['serif', ['Liberation Serif', 'DejaVu Serif']],
  ['monospace', ['Liberation Mono', 'DejaVu Sans Mono']],
]

function fontsConf(fontsDir: string, cacheDir: string): string {
  const families = (names: readonly string[]) => names.map((name) => `<family>${name}</family>`).join('')
  const aliases = ALIASES.map(
    ([family, prefer]) =>
      `  <alias binding="same"><family>${family}</family><prefer>${families(prefer)}</prefer></alias>`,
  )
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <dir>${fontsDir}</dir>`,
    `  <cachedir>${cacheDir}</cachedir>`,
    // Any other family (and a request naming none, as Chromium's system-ui font is) falls back to
    // the tested sans-serif; before the aliases, so that they expand it.
    '  <match target="pattern"><edit name="family" mode="append_last"><string>sans-serif</string></edit></match>',
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n')
}

/**
 * The environment to launch Chromium with: a fontconfig of its own that sees only the tested
 * fonts (links to their files in a folder of its own), so that other fonts a machine has installed
 * cannot change how a page lays out.
 */
export function chromiumEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const files = TEST_FONT_PACKAGES.flatMap((pkg) => pkg.files)
  const version = createHash('sha256').update(fontsConf('', '')).update(files.join('\n')).digest('hex')
  const root = join(tmpdir(), `ey-chromium-fonts-${version.slice(0, 12)}`)
  const fontsDir = join(root, 'fonts')
  const cacheDir = join(root, 'cache')
  mkdirSync(fontsDir, { recursive: true })
  mkdirSync(cacheDir, { recursive: true })
  for (const file of files) {
    const link = join(fontsDir, basename(file))
    try {
      symlinkSync(file, link)
    } catch (error) {
      // Test files launching Chromium side by side make the same links.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  const config = join(root, 'fonts.conf')
  // Written aside and renamed, so a Chromium starting in another test file never reads half a file.
  const draft = `${config}.${process.pid}`
  writeFileSync(draft, fontsConf(fontsDir, cacheDir))
  renameSync(draft, config)
  return { ...base, FONTCONFIG_FILE: config }
}
