// This tasktrail as a shell command, for text that tells a person or Claude what to run: a
// plugin's CLI is on no PATH, so it is named by its full path.
import { realpathSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'

export const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`

/**
 * `node '<dir>/bin/tasktrail.js'`, the CLI this process runs as. Where the SQLite addon is in
 * the plugin's data directory, the command says so, as the slash commands do.
 */
export function shellCommand(env: NodeJS.ProcessEnv): string {
  const cli = `node ${shellQuote(resolve(process.argv[1]!))}`
  return env.CLAUDE_PLUGIN_DATA ? `CLAUDE_PLUGIN_DATA=${shellQuote(env.CLAUDE_PLUGIN_DATA)} ${cli}` : cli
}

/** Whether `tasktrail` on the PATH is this very CLI. */
function onPath(env: NodeJS.ProcessEnv): boolean {
  const self = realpathSync(resolve(process.argv[1]!))
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      return dir !== '' && realpathSync(join(dir, 'tasktrail')) === self
    } catch {
      return false
    }
  })
}

/** What a person types to run this tasktrail: `tasktrail` when that is this one, else its full path. */
export function commandName(env: NodeJS.ProcessEnv): string {
  return onPath(env) ? 'tasktrail' : shellCommand(env)
}
