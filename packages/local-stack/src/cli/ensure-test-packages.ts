import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM_PATH, missingFontPackages } from '../chromium.ts'
import { SOFFICE_PACKAGE, SOFFICE_PATH } from '../soffice.ts'

// Run first by `pnpm test`: the browser tests drive Debian's Chromium with the fonts they are
// tested with, and the CSV tests open downloads in Debian's LibreOffice; DynamoDB Local's launcher
// needs a JDK's javac.

/** The Debian packages the tests need and this machine lacks. */
function missingPackages(): string[] {
  return [
    ...(existsSync(CHROMIUM_PATH) ? [] : ['chromium']),
    ...missingFontPackages(),
    ...(existsSync(SOFFICE_PATH) ? [] : [SOFFICE_PACKAGE]),
    // DynamoDB Local starts through a launcher compiled on first use, which binds it to 127.0.0.1.
    ...(commandExists('javac') ? [] : ['openjdk-17-jdk-headless']),
  ]
}

/** Silent when all is installed; installs what is missing when root on Debian; otherwise says exactly what to install. */
function main(): number {
  const missing = missingPackages()
  if (missing.length === 0) return 0
  const root = process.getuid?.() === 0
  const debian = existsSync('/etc/debian_version') && commandExists('apt-get')
  if (!root || !debian) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM_PATH} and the fonts they are tested with, and the CSV tests LibreOffice at ${SOFFICE_PATH}.\n` +
        'Install them, then run the tests again:\n' +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
        `(without apt: your distribution’s chromium at ${CHROMIUM_PATH}, LibreOffice at ${SOFFICE_PATH}, and the Liberation and DejaVu fonts at Debian’s paths under /usr/share/fonts/truetype)`,
    )
    return 1
  }
  console.log(`Installing ${missing.join(', ')} for the tests with apt-get (once).`)
  // Wait for another apt run to release its lock rather than failing at once.
  const lock = ['-o', 'DPkg::Lock::Timeout=300']
  for (const args of [
    [...lock, 'update'],
    [...lock, 'install', '-y', '--no-install-recommends', ...missing],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0) {
      console.error(
        `apt-get ${args.join(' ')} failed; install ${missing.join(' ')} by hand and run the tests again.`,
      )
      return 1
    }
  }
  const still = missingPackages()
  if (still.length > 0) {
    console.error(
      `apt-get installed ${missing.join(', ')}, but files of ${still.join(', ')} are still missing.`,
    )
    return 1
  }
  return 0
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

process.exitCode = main()
