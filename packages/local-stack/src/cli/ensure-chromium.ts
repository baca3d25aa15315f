import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// Run first by `pnpm test`: the browser tests drive Debian's Chromium at this path.
const CHROMIUM = '/usr/bin/chromium'

/** Silent when Chromium is installed; installs it when root on Debian; otherwise says exactly what to install. */
function main(): number {
  if (existsSync(CHROMIUM)) return 0
  const root = process.getuid?.() === 0
  const debian = existsSync('/etc/debian_version') && commandExists('apt-get')
  if (!root || !debian) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}.\n` +
        'Install it, then run the tests again:\n' +
        '  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n' +
        '(on a system without apt, install your distribution’s "chromium" package so that it lands at /usr/bin/chromium)',
    )
    return 1
  }
  console.log(`Chromium is missing at ${CHROMIUM}: installing it with apt-get (once).`)
  // Wait for another apt run to release its lock rather than failing at once.
  const lock = ['-o', 'DPkg::Lock::Timeout=300']
  for (const args of [
    [...lock, 'update'],
    [...lock, 'install', '-y', '--no-install-recommends', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed; install chromium by hand and run the tests again.`)
      return 1
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get installed chromium, but ${CHROMIUM} is still missing.`)
    return 1
  }
  return 0
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

process.exitCode = main()
