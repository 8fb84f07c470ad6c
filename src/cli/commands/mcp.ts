// tasktrail mcp: the plugin's MCP server (src/mcp/), named in .mcp.json. Claude Code starts it
// with the session and ends it by closing its stdin. It keeps the store open for the events
// the plugin's mcp_tool hooks hand it, which are applied exactly as `tasktrail hook` applies
// them, and runs the agent's tools as the CLI's commands.
//
// A tool event is answered as soon as it is taken, and applied right after, in order: Claude
// Code waits for the answer before it goes on, and the answer says nothing the event's
// application decides (a warning from it is given with the next answer). Applying one is a
// durable store transaction and a TASKS.md write, several milliseconds; the answer, well under
// one. The agent's tools wait for the events before them. What is taken is applied before
// the process ends; an event lost with a killed process is in the transcript, which Stop
// reconciles. The application starts right after the answer: a command hook that reads the
// store next (a <task-notification> prompt after SubagentStop) takes ~100 ms just to start
// Node. Waiting 15 ms more before applying saved Claude Code 2 ms a call, and let such a hook
// overtake a backlog (a replay of the 2.1.332 recording lost the run's figures): not done.
import type { HookEvent } from '../../hooks/event.js'
import { runHook } from '../../hooks/run.js'
import { hookEvent } from '../../mcp/hook-input.js'
import { McpServer, type Tool } from '../../mcp/server.js'
import { StatusFile } from '../../mcp/status.js'
import { agentTools } from '../../mcp/tools.js'
import { tasktrailHome } from '../../install/home.js'
import { BUSY_TIMEOUT_MS } from '../../store/open.js'
import { KeptStores, type StoreSource } from '../../store/stores.js'
import type { Command, Host } from '../command.js'
import { bufferedOutput, writeFd } from '../output.js'

export type RunCommand = (argv: string[], host: Host) => Promise<number>

/** The hidden tool every mcp_tool hook calls (hooks/hooks.json). */
export const HOOK_TOOL = 'hook'

/**
 * How long an event waits for a store another process has locked before it is spooled (the
 * next event that finds the store free applies the spool first). A wait blocks the whole
 * server, answers included, so it is short here; the agent's tools wait as the CLI does.
 */
const EVENT_BUSY_MS = 250

/** The kept stores, each handed out with the busy timeout its caller waits. */
function waiting(stores: KeptStores, busyMs: number): StoreSource {
  return {
    open(path) {
      const store = stores.open(path)
      store.db.pragma(`busy_timeout = ${busyMs}`)
      return store
    },
    release: () => {}
  }
}

export function mcpCommand(run: RunCommand, version: string): Command {
  return {
    usage: 'mcp',
    summary: "the plugin's MCP server: hook events and the agent's tools (Claude Code starts it)",
    positionals: [0, 0],
    options: {},
    async run(invocation) {
      const { env } = invocation
      const project = env.CLAUDE_PROJECT_DIR || invocation.cwd
      const stores = new KeptStores()
      const status = new StatusFile(tasktrailHome(env), project)
      let applying = Promise.resolve()
      const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
        const done = applying.then(work)
        applying = done.then(
          () => undefined,
          () => undefined
        )
        return done
      }
      // What an applied event printed (a warning) waits for the next answer.
      let held = ''
      // Turns whose events this server has taken: before the first, what no hook brought is
      // applied from the transcript (src/hooks/run.ts).
      const turns = new Set<string>()
      const firstOfTurn = (event: HookEvent) => {
        const key = `${event.session_id} ${event.prompt_id}`
        if (turns.has(key)) return false
        turns.add(key)
        return true
      }
      const hook: Tool = {
        name: HOOK_TOOL,
        description: "tasktrail's hooks",
        inputSchema: { type: 'object' },
        async call(args) {
          const event = hookEvent(args)
          status.count('events', String(event.hook_event_name))
          void inOrder(async () => {
            // After the answer is written: the work is synchronous once it starts.
            await new Promise((resolve) => setImmediate(resolve))
            held = (await runHook(JSON.stringify(event), env, waiting(stores, EVENT_BUSY_MS), { firstOfTurn })) || held
          })
          const text = held
          held = ''
          return { text, isError: false }
        }
      }
      const cli = (argv: string[]) => inOrder(async () => {
        const output = bufferedOutput(false)
        let code: number
        try {
          code = await run(argv, { output, env, cwd: project, stdin: async () => '', stores: waiting(stores, BUSY_TIMEOUT_MS) })
        } catch (error) {
          output.err(`tasktrail: internal error: ${(error as Error)?.message ?? String(error)}`)
          code = 1
        }
        status.count('tools', argv[0]!)
        return { code, ...output.text() }
      })
      const server = new McpServer({ name: 'tasktrail', version, tools: agentTools(cli), hidden: [hook] }, (line) => writeFd(1, line))
      await new Promise<void>((resolve) => {
        let rest = ''
        process.stdin.setEncoding('utf8')
        process.stdin.on('data', (chunk: string) => {
          const lines = (rest + chunk).split('\n')
          rest = lines.pop()!
          for (const line of lines) server.receive(line)
        })
        process.stdin.on('end', () => {
          server.receive(rest)
          resolve()
        })
        process.stdin.on('error', () => resolve())
        // Claude Code may end it with a signal instead: what was taken is answered first.
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
      })
      // After a signal stdin is still open, and would keep the process alive.
      process.stdin.destroy()
      await server.drained()
      await applying
      stores.closeAll()
      status.remove()
      return 0
    }
  }
}
