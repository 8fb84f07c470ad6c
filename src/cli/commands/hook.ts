// tasktrail hook: the single entry point of every Claude Code hook (hooks/hooks.json).
// Reads one event from stdin to the end and always exits 0 (see src/hooks/run.ts).
import type { Command } from '../command.js'
import { AGENT_HOSTS, isAgentHost } from '../../model/task-host.js'
import { logLine } from '../../hooks/log.js'
import { runHook } from '../../hooks/run.js'
import { tasktrailHome } from '../../install/home.js'

const hook: Command = {
  usage: `hook [--host ${AGENT_HOSTS.join('|')}] < EVENT.json`,
  summary: 'apply one hook event of Claude Code (the plugin), Codex CLI or Gemini CLI from stdin',
  positionals: [0, 0],
  options: { host: { type: 'string' } },
  async run(invocation) {
    const host = invocation.values.host ?? 'claude-code'
    // Even a mistyped hook command must not break the agent's session: one line in hook.log.
    if (!isAgentHost(host)) {
      logLine(tasktrailHome(invocation.env), {}, `ignored: --host ${String(host)} is not one of ${AGENT_HOSTS.join(', ')}`)
      return 0
    }
    const stdout = await runHook(await invocation.stdin(), invocation.env, invocation.stores, { host })
    if (stdout) invocation.output.out(stdout)
    return 0
  }
}

export default hook
