import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: function entries and the lock file are found from here, whatever the cwd. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
