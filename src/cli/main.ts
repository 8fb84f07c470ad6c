// The tasktrail command line. Each command is loaded only when it runs, so a command that
// needs no markdown (or a hook) never pays for loading it.
import { parseInvocation, text, type Command } from './command.js'
import { CliError } from './errors.js'
import { terminalOutput, type Output } from './output.js'
import { NewerStoreError } from '../store/open.js'

type Loader = () => Promise<Command>

const COMMANDS: Record<string, Loader> = {
  add: async () => (await import('./commands/add.js')).default,
  start: async () => (await import('./commands/verbs.js')).start,
  done: async () => (await import('./commands/verbs.js')).done,
  block: async () => (await import('./commands/verbs.js')).block,
  cancel: async () => (await import('./commands/verbs.js')).cancel,
  reopen: async () => (await import('./commands/verbs.js')).reopen,
  list: async () => (await import('./commands/list.js')).default,
  show: async () => (await import('./commands/show.js')).default,
  status: async () => (await import('./commands/status.js')).default,
  export: async () => (await import('./commands/export.js')).default,
  import: async () => (await import('./commands/import.js')).default,
  rollup: async () => (await import('./commands/rollup.js')).default
}

const VERSION = '0.1.0'

async function help(output: Output): Promise<void> {
  const lines = ['usage: tasktrail [-C DIR] [--db PATH] COMMAND [options]', '', 'commands:']
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load()
    lines.push(`  ${name.padEnd(8)} ${command.summary}`)
  }
  lines.push('', 'tasktrail COMMAND --help shows the options of a command.')
  lines.push('The store is $TASKTRAIL_DB, else $TASKTRAIL_HOME/tasks.db (default ~/.local/share/tasktrail/tasks.db).')
  output.out(lines.join('\n'))
}

export async function main(argv: string[], output: Output = terminalOutput(), env = process.env, cwd = process.cwd()): Promise<number> {
  const name = argv[0]
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await help(output)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V') {
    output.out(VERSION)
    return 0
  }
  const load = COMMANDS[name]
  try {
    if (!load) throw new CliError(`unknown command "${name}"; run tasktrail help for the list`, 2)
    const command = await load()
    const parsed = parseInvocation(command, name, argv.slice(1))
    if (parsed.values.help) {
      output.out(`usage: tasktrail ${command.usage}\n${command.summary}`)
      return 0
    }
    const globals = { db: text(parsed.values, 'db'), dir: text(parsed.values, 'C') }
    const code = await command.run({ globals, values: parsed.values, positionals: parsed.positionals, output, env, cwd })
    return code ?? 0
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`tasktrail: ${error.message}`)
      for (const line of error.details) output.err(line)
      return error.exitCode
    }
    if (error instanceof NewerStoreError) {
      output.err(`tasktrail: ${error.message}`)
      return 1
    }
    throw error
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`tasktrail: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
    process.exitCode = 1
  }
)
