// What a CLI command is: its usage line, its options (node:util parseArgs), and run().
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Output } from './output.js'
import type { StoreSource } from '../store/stores.js'
import { usageError } from './errors.js'

export type Options = NonNullable<ParseArgsConfig['options']>

export interface Invocation {
  /** Options common to every command. */
  globals: { db?: string; dir?: string }
  values: Record<string, string | boolean | Array<string | boolean> | undefined>
  positionals: string[]
  output: Output
  env: NodeJS.ProcessEnv
  cwd: string
  /** The text on stdin, read to the end (only `hook` reads it). */
  stdin: () => Promise<string>
  stores: StoreSource
}

/** What a command runs with besides its arguments: its own process's, or what the board or the MCP server give it. */
export type Host = Pick<Invocation, 'output' | 'env' | 'cwd' | 'stdin' | 'stores'>

export interface Command {
  usage: string
  summary: string
  options: Options
  /** How many positional arguments the command takes. */
  positionals: [min: number, max: number]
  run(invocation: Invocation): Promise<number | void> | number | void
}

export const GLOBAL_OPTIONS: Options = {
  db: { type: 'string' },
  C: { type: 'string', short: 'C' },
  help: { type: 'boolean', short: 'h' }
}

/**
 * The arguments with the command first: `-C DIR` and `--db PATH` may come before it, as the
 * usage line writes them (`tasktrail -C DIR list`), or after it.
 */
export function commandFirst(argv: readonly string[]): string[] {
  let i = 0
  while (i < argv.length) {
    const arg = argv[i]!
    if (arg === '-C' || arg === '--db') i += 2
    else if (/^(-C.|--db=)/.test(arg)) i += 1
    else break
  }
  // Options and no command: the usage, as for no arguments at all.
  if (i >= argv.length) return []
  return [argv[i]!, ...argv.slice(0, i), ...argv.slice(i + 1)]
}

export function parseInvocation(command: Command, name: string, argv: string[]) {
  let parsed: { values: Invocation['values']; positionals: string[] }
  try {
    // Arguments without options (a hook, `done ID`) are what parseArgs would return; node loads
    // parseArgs on first use, about a millisecond of every hook.
    parsed = argv.some((arg) => arg.startsWith('-'))
      ? parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true })
      : { values: {}, positionals: argv }
  } catch (error) {
    throw usageError(`${(error as Error).message.replace(/^.*?: /, '')}`, [`usage: tasktrail ${command.usage}`])
  }
  const [min, max] = command.positionals
  if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    throw usageError(`${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, got ${parsed.positionals.length}`, [
      `usage: tasktrail ${command.usage}`
    ])
  }
  return parsed
}

/** The value of a string option, or undefined. */
export function text(values: Invocation['values'], name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}
