// How every tasktrail process starts (bin/tasktrail.js). Hooks and one-task changes are handed
// to the resident process of this build when one listens (src/resident/): a bare Node start
// and a socket round trip, where running them here loads the whole CLI and opens the store.
// Everything else, or with no resident process, runs here; the CLI is required only then.
import { existsSync } from 'node:fs'
import { residentAddress, RESIDENT_COMMANDS } from '../resident/address.js'
import { launchResident } from '../resident/launch.js'
import { ask, hookHeader } from '../resident/protocol.js'
import { commandFirst } from './command.js'
import { terminalOutput, writeFd } from './output.js'
import { readStdin } from './stdin.js'

type Cli = typeof import('./main.js')

/**
 * A hook waits this long for the resident process, then runs the event itself: with the
 * store's 5 s busy timeout after it, still inside the 10 s Claude Code gives a hook.
 */
const HOOK_WAIT_MS = 4_000
/** SessionEnd's hook is given 2 s in all (hooks/hooks.json); run here, it waits 0.8 s at most for the store. */
const SESSION_END_WAIT_MS = 500

async function start(): Promise<number> {
  const argv = commandFirst(process.argv.slice(2))
  const name = argv[0]
  const stdin = name === 'hook' ? await readStdin() : undefined
  const hook = stdin === undefined ? undefined : hookHeader(stdin)
  const event = hook?.event
  const address = name !== undefined && RESIDENT_COMMANDS.has(name) ? residentAddress(process.env, import.meta.dirname) : 'not a resident command'
  if (typeof address !== 'string' && existsSync(address.socket)) {
    const request = { argv, env: process.env, cwd: process.cwd(), stdin: stdin ?? '', hook, color: stdin === undefined && terminalOutput().color }
    // A hook must never hang Claude Code: it gives up waiting and applies the event itself
    // (applying one twice changes nothing). A person's command waits: run twice, `add`
    // would add twice.
    const reply = await ask(address.socket, request, stdin === undefined ? undefined : event === 'SessionEnd' ? SESSION_END_WAIT_MS : HOOK_WAIT_MS)
    if (typeof reply === 'object') {
      if (reply.out) writeFd(1, reply.out)
      if (reply.err) writeFd(2, reply.err)
      return reply.code
    }
    if (reply === 'unanswered' && stdin === undefined) {
      writeFd(2, `tasktrail: the resident process (${address.socket}) ended without answering, so whether "${argv.join(' ')}" was done is unknown; check with tasktrail list before running it again\n`)
      return 1
    }
  }
  const cli = require('./tasktrail.js') as Cli
  const code = await cli.runHere(argv, stdin === undefined ? readStdin : async () => stdin)
  // The next events of this session find it listening.
  if (typeof address !== 'string' && (event === 'SessionStart' || event === 'UserPromptSubmit')) launchResident(process.argv[1]!, process.env)
  return code
}

start().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    writeFd(2, `tasktrail: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
    // Even so, a hook must not break Claude Code.
    process.exitCode = process.argv[2] === 'hook' ? 0 : 1
  }
)
