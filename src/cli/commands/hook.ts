// tasktrail hook: the single entry point of every Claude Code hook (hooks/hooks.json).
// Reads one event from stdin to the end and always exits 0 (see src/hooks/run.ts).
import type { Command } from '../command.js'
import { runHook } from '../../hooks/run.js'

const hook: Command = {
  usage: 'hook < EVENT.json',
  summary: 'apply one Claude Code hook event from stdin (used by the plugin)',
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const stdout = await runHook(await invocation.stdin(), invocation.env, invocation.stores)
    if (stdout) invocation.output.out(stdout)
    return 0
  }
}

export default hook
