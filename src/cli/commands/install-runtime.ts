// tasktrail install-runtime: installs better-sqlite3's native addon for an installed plugin
// (which has no node_modules), then records the events spooled meanwhile for the current
// project. A plugin's first session runs it in the background; doctor offers it as a fix.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { applySpool } from '../../hooks/run.js'
import { installAddon, installLogPath, lockHolder, lockPath, takeLock } from '../../install/install.js'
import { BETTER_SQLITE3_VERSION } from '../../install/runtime.js'
import { openDatabase } from '../../store/open.js'
import type { Command } from '../command.js'
import { CliError } from '../errors.js'

function addonLoads(): boolean {
  try {
    openDatabase(':memory:').close()
    return true
  } catch {
    return false
  }
}

const installRuntime: Command = {
  usage: 'install-runtime',
  summary: "install the SQLite module an installed plugin needs (its first session does this in the background)",
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const { env, output } = invocation
    if (addonLoads()) {
      output.out(`better-sqlite3 ${BETTER_SQLITE3_VERSION} is already installed; nothing to do`)
    } else {
      const lock = lockPath(env)
      if (!takeLock(lock)) throw new CliError(`another install is running (process ${lockHolder(lock)}); its output is in ${installLogPath(env)}`)
      try {
        const started = Date.now()
        output.out(`installing better-sqlite3 ${BETTER_SQLITE3_VERSION} with npm`)
        const addon = installAddon(env)
        output.out(`installed ${addon} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      } catch (error) {
        throw new CliError(`${(error as Error).message}; nothing was installed, and events stay spooled until a later install succeeds`)
      } finally {
        rmSync(lock, { force: true })
      }
    }
    const applied = await applySpool(env, invocation.globals.dir ? resolve(invocation.cwd, invocation.globals.dir) : invocation.cwd, invocation.stores)
    if (applied > 0) output.out(`recorded ${applied} spooled event${applied === 1 ? '' : 's'}`)
  }
}

export default installRuntime
