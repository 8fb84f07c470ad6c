// npm's `dependencies` script (run after an install in this checkout changed node_modules): adds
// the development dependencies, which .npmrc leaves out. The split is for an installed plugin:
// Claude Code runs `npm ci --ignore-scripts` in the plugin's copy of this repository, which reads
// .npmrc and so installs only better-sqlite3 (13 MB, not 717 MB with two Claude Code binaries),
// and runs no script; a contributor's `npm ci` runs this one and gets the whole tree the lockfile
// pins. npm runs this script neither for a global install nor for a dependency.
import { spawnSync } from 'node:child_process'

// The install below changes node_modules too, and npm runs this script again after it.
if (!process.env.TASKTRAIL_DEV_DEPENDENCIES) {
  const npm = spawnSync('npm', ['install', '--include=dev', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ...process.env, TASKTRAIL_DEV_DEPENDENCIES: '1' },
    shell: process.platform === 'win32'
  })
  process.exitCode = npm.status ?? 1
}
