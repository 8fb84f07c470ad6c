// Where better-sqlite3's native addon comes from when it is not installed next to dist/: an
// installed plugin is a copy of the repository without node_modules, so the first session
// installs the addon (src/install/install.ts) into the plugin's data directory, which
// survives plugin updates. One file per better-sqlite3 version and Node ABI: the bundle
// carries better-sqlite3's JavaScript, and only an addon of that very version fits it; a
// Node upgrade that changes the ABI gets its own file instead of one that fails to load.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import betterSqlite3Package from 'better-sqlite3/package.json' with { type: 'json' }
import { tasktrailHome } from './home.js'
import { commandName } from './cli-command.js'

/** The better-sqlite3 version whose JavaScript is bundled (the one package-lock.json pins). */
export const BETTER_SQLITE3_VERSION: string = betterSqlite3Package.version

export const ADDON_FILE = `better_sqlite3-${BETTER_SQLITE3_VERSION}-${process.platform}-${process.arch}-abi${process.versions.modules}.node`

/**
 * Where the addon is installed: ${CLAUDE_PLUGIN_DATA}, which Claude Code gives the plugin's
 * hooks, else $TASKTRAIL_HOME/runtime (a CLI run outside a hook).
 */
export function runtimeDir(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_PLUGIN_DATA || join(tasktrailHome(env), 'runtime')
}

/** The installed addon, looked for where a hook installs it and where a CLI run would. */
export function installedAddon(env: NodeJS.ProcessEnv): string | null {
  const dirs = [env.CLAUDE_PLUGIN_DATA, join(tasktrailHome(env), 'runtime')].filter((dir): dir is string => !!dir)
  for (const dir of dirs) {
    const file = join(dir, ADDON_FILE)
    if (existsSync(file)) return file
  }
  return null
}

/** The store cannot be opened yet: the addon is neither next to dist/ nor installed. */
export class AddonMissingError extends Error {
  constructor(env: NodeJS.ProcessEnv) {
    const missing = `better-sqlite3 ${BETTER_SQLITE3_VERSION}'s native module is not installed yet`
    super(
      env.CLAUDE_PLUGIN_DATA
        ? `${missing}: a Claude Code session installs it in the background into ${runtimeDir(env)} (see install.log there), or run: ${commandName(env)} install-runtime`
        : `${missing}; run: ${commandName(env)} install-runtime (it installs it into ${runtimeDir(env)})`
    )
    this.name = 'AddonMissingError'
  }
}
