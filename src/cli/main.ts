// The tasktrail command line. Commands are small and bundled with this file: one file to
// load starts faster than a chain of chunks. What is heavy (remark, chokidar) is loaded
// with a dynamic import by the code that needs it, so no other command pays for it.
import { commandFirst, parseInvocation, text, type Command, type Host } from './command.js'
import { CliError } from './errors.js'
import { terminalOutput, writeFd, type Output } from './output.js'
import { NewerStoreError, StorePathError } from '../store/open.js'
import { ownStores } from '../store/stores.js'
import add from './commands/add.js'
import { block, cancel, done, reopen, start } from './commands/verbs.js'
import list from './commands/list.js'
import show from './commands/show.js'
import status from './commands/status.js'
import exportCommand from './commands/export.js'
import importCommand from './commands/import.js'
import rollup from './commands/rollup.js'
import hook from './commands/hook.js'
import demo from './commands/demo.js'
import link from './commands/link.js'
import clients from './commands/clients.js'
import projects from './commands/projects.js'
import bill from './commands/bill.js'
import report from './commands/report.js'
import installRuntime from './commands/install-runtime.js'
import sync from './commands/sync.js'
import watch from './commands/watch.js'
import mergeDriver from './commands/merge-driver.js'
import init from './commands/init.js'
import doctor from './commands/doctor.js'
import rename from './commands/rename.js'
import { boardCommand } from './commands/board.js'
import { mcpCommand } from './commands/mcp.js'
import note from './commands/note.js'

const VERSION = '0.1.0'

const COMMANDS: Record<string, Command> = {
  add,
  start,
  done,
  block,
  cancel,
  reopen,
  rename,
  note,
  list,
  show,
  status,
  export: exportCommand,
  import: importCommand,
  rollup,
  hook,
  demo,
  link,
  clients,
  projects,
  bill,
  report,
  init,
  doctor,
  'install-runtime': installRuntime,
  sync,
  watch,
  'merge-driver': mergeDriver,
  board: boardCommand(main),
  mcp: mcpCommand(main, VERSION)
}

function help(output: Output): void {
  const lines = ['usage: tasktrail [-C DIR] [--db PATH] COMMAND [options]', '', 'commands:']
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(8)} ${command.summary}`)
  }
  lines.push('', 'tasktrail COMMAND --help shows the options of a command.')
  lines.push('The store is $TASKTRAIL_DB, else $TASKTRAIL_HOME/tasks.db (default ~/.local/share/tasktrail/tasks.db).')
  output.out(lines.join('\n'))
}

export async function main(typed: string[], host: Host): Promise<number> {
  const { output } = host
  const argv = commandFirst(typed)
  const name = argv[0]
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(output)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V') {
    output.out(VERSION)
    return 0
  }
  const command = COMMANDS[name]
  try {
    if (!command) throw new CliError(`unknown command "${name}"; run tasktrail help for the list`, 2)
    const parsed = parseInvocation(command, name, argv.slice(1))
    if (parsed.values.help) {
      output.out(`usage: tasktrail ${command.usage}\n${command.summary}`)
      return 0
    }
    const globals = { db: text(parsed.values, 'db'), dir: text(parsed.values, 'C') }
    const code = await command.run({ globals, values: parsed.values, positionals: parsed.positionals, ...host })
    return code ?? 0
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`tasktrail: ${error.message}`)
      for (const line of error.details) output.err(line)
      return error.exitCode
    }
    if (error instanceof NewerStoreError || error instanceof StorePathError || (error instanceof Error && error.name === 'AddonMissingError')) {
      output.err(`tasktrail: ${error.message}`)
      return 1
    }
    // Transactions roll back whole, so a busy store changed nothing.
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) {
      output.err('tasktrail: the task store stayed locked by another tasktrail process for 5 s; nothing was changed. Run the command again.')
      return 1
    }
    throw error
  }
}

/** Runs a command in this process: what bin/tasktrail.js does. */
export async function runHere(argv: string[], stdin: () => Promise<string>): Promise<number> {
  try {
    return await main(argv, { output: terminalOutput(), env: process.env, cwd: process.cwd(), stdin, stores: ownStores })
  } catch (error) {
    writeFd(2, `tasktrail: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
    return 1
  }
}
