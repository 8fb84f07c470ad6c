// The plugin's MCP server, `tasktrail mcp`, spoken to as Claude Code does (JSON-RPC lines on
// stdio): the recorded sessions through its hook tool leave what `tasktrail hook` leaves, the
// agent's tools do and refuse what the CLI does, and it ends when its stdin does.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { moved, registered, type HooksConfig } from '../../src/hooks/demo/replay.js'
import { TASKTRAIL_TOOLS } from '../../src/hooks/agent-tools.js'
import { HOOK_INPUT } from '../../src/mcp/hook-input.js'
import { add, json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { comparable, type ComparableTask } from '../helpers/compare.js'
import { interpolate, startMcp, type McpClient } from '../helpers/mcp.js'
import type { HostGeneration } from '../e2e/claude.js'
import { RECORDED_ROOT, recording, type RawEvent } from '../hooks/setup.js'

const ROOT = resolve(import.meta.dirname, '../..')
type Handler = Record<string, any>
const HOOKS = JSON.parse(readFileSync(join(ROOT, 'hooks', 'hooks.json'), 'utf8')) as HooksConfig
const handlers = (event: string): Handler[] => (HOOKS.hooks[event] ?? []).flatMap((group) => (group as unknown as { hooks: Handler[] }).hooks)
const SERVED = ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'SubagentStart', 'SubagentStop', 'TaskCreated', 'TaskCompleted']

/** The hook hooks.json runs for an event: 'mcp' (with its input) or 'command'. */
function hookFor(event: RawEvent): { type: 'mcp'; input: Record<string, string> } | { type: 'command' } {
  const handler = handlers(String(event.hook_event_name))[0]!
  return handler.type === 'mcp_tool' ? { type: 'mcp', input: handler.input } : { type: 'command' }
}

const hookProcess = (box: Sandbox, event: RawEvent) => tasktrail(box, ['hook'], { input: JSON.stringify(event), env: { CLAUDE_PROJECT_DIR: box.project } })

const tasks = (box: Sandbox) => json<{ tasks: ComparableTask[] }>(box, ['export']).tasks

describe('the recordings', () => {
  test.each(['2.1.197-task-tools', '2.1.197-todowrite', '2.1.332-enable-todo-tools', '2.1.332-default'] as HostGeneration[])(
    '%s through the MCP server leave the store `tasktrail hook` leaves',
    async (host) => {
      const events = recording(host).filter((e) => registered(HOOKS, e))
      const alone = sandbox()
      for (const event of events) expect(hookProcess(alone, moved(event, RECORDED_ROOT, alone.project))).toMatchObject({ code: 0 })

      const served = sandbox()
      const server = await startMcp(served)
      let calls = 0
      try {
        for (const raw of events) {
          const event = moved(raw, RECORDED_ROOT, served.project)
          const hook = hookFor(event)
          if (hook.type === 'command') {
            expect(hookProcess(served, event)).toMatchObject({ code: 0 })
            continue
          }
          expect(await server.call('hook', interpolate(hook.input, event))).toEqual({ text: '', isError: false })
          calls++
        }
      } finally {
        expect(await server.close()).toBe(0)
      }
      expect(calls).toBeGreaterThan(5)
      expect(comparable(tasks(served))).toEqual(comparable(tasks(alone)))
      expect(existsSync(join(served.env.TASKTRAIL_HOME!, 'hook.log'))).toBe(false)
    },
    120_000
  )
})

describe('hooks.json and .mcp.json', () => {
  test('the tool events and the task tools\' own events go to the server with every field an adapter reads; the others stay commands', () => {
    for (const event of Object.keys(HOOKS.hooks)) {
      for (const handler of handlers(event)) {
        if (SERVED.includes(event)) expect(handler, event).toEqual({ type: 'mcp_tool', server: 'plugin:tasktrail:tasktrail', tool: 'hook', input: HOOK_INPUT, timeout: 10 })
        else expect(handler, event).toMatchObject({ type: 'command', command: 'node "${CLAUDE_PLUGIN_ROOT}/bin/tasktrail.js" hook' })
      }
    }
    expect(Object.keys(HOOKS.hooks)).toEqual(expect.arrayContaining([...SERVED, 'SessionStart', 'UserPromptSubmit', 'Stop', 'SessionEnd']))
    expect(JSON.parse(readFileSync(join(ROOT, '.mcp.json'), 'utf8'))).toEqual({
      mcpServers: { tasktrail: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/bin/tasktrail.js', 'mcp'] } }
    })
  })
})

describe("the agent's tools", () => {
  async function withServer(run: (box: Sandbox, server: McpClient) => Promise<void>): Promise<void> {
    const box = sandbox()
    const server = await startMcp(box)
    try {
      await run(box, server)
    } finally {
      expect(await server.close()).toBe(0)
    }
  }

  test('are few and cheap in context: the hook tool is not among them', async () => {
    await withServer(async (_, server) => {
      const { result } = await server.request('tools/list')
      expect(result.tools.map((t: { name: string }) => t.name)).toEqual([...TASKTRAIL_TOOLS])
      // About 3 characters a token for JSON (fewer than for prose): an upper bound.
      expect(JSON.stringify(result.tools).length / 3).toBeLessThan(1_500)
    })
  })

  test('each does what its CLI command does', async () => {
    await withServer(async (box, server) => {
      const parent = add(box, 'Ship the release')
      const added = await server.call('add_subtask', { parent, title: 'Write the changelog', description: 'since 0.1' })
      expect(added).toMatchObject({ isError: false, text: expect.stringMatching(/^added \S+  Write the changelog$/) })
      const child = added.text.split(/\s+/)[1]!
      expect((await server.call('checklist', {})).text).toContain('Write the changelog')
      expect(await server.call('start', { id: child })).toMatchObject({ isError: false })
      expect(await server.call('note', { id: child, text: 'half written' })).toMatchObject({ isError: false })
      expect(json(box, ['show', child]).task_context.outcome).toBe('half written')
      expect(await server.call('complete', { id: child, outcome: 'written' })).toMatchObject({ isError: false })
      expect(json(box, ['show', child])).toMatchObject({ status: 'completed', parent_task_id: parent, task_context: { outcome: 'written' } })
      // Its only subtask done, the parent completes too, as after `tasktrail done`.
      expect(json(box, ['show', parent]).status).toBe('completed')
      const other = add(box, 'Tag the release')
      expect(await server.call('block', { id: other, reason: 'waits for CI' })).toMatchObject({ isError: false })
      const shown = json(box, ['show', other])
      expect([shown.status, shown.task_context.blocked_reason]).toEqual(['blocked', 'waits for CI'])
      expect(await server.call('cancel', { id: other })).toMatchObject({ isError: false })
      expect(json(box, ['show', other]).status).toBe('cancelled')
    })
  })

  test('each refuses what the CLI refuses, in the same words', async () => {
    await withServer(async (box, server) => {
      const id = add(box, 'Done already')
      expect(tasktrail(box, ['done', id]).code).toBe(0)
      const refusals: Array<[string, Record<string, string>, string[]]> = [
        ['complete', { id }, ['done', id]],
        ['block', { id, reason: ' ' }, ['block', id, '--reason', ' ']],
        ['start', { id: 'zzzz' }, ['start', 'zzzz']],
        ['add_subtask', { parent: 'zzzz', title: 'x' }, ['add', 'x', '--parent', 'zzzz']],
        ['note', { id, text: ' ' }, ['note', id, ' ']]
      ]
      for (const [tool, args, argv] of refusals) {
        const cli = tasktrail(box, argv)
        expect(cli.code, argv.join(' ')).not.toBe(0)
        expect(await server.call(tool, args)).toEqual({ isError: true, text: cli.stderr.trim() })
      }
      expect(await server.call('block', { id })).toEqual({ isError: true, text: 'tasktrail: block needs reason' })
      expect(json<{ tasks: unknown[] }>(box, ['export']).tasks).toHaveLength(1)
    })
  })
})

describe('the server', () => {
  test('does not run a request cancelled before it ran: a retried add adds once', async () => {
    const box = sandbox()
    const server = await startMcp(box)
    try {
      const call = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'add_subtask', arguments: { parent: 'none', title: 't' } } })
      // The request and its cancellation arrive together, as when the caller gave up at once.
      server.send(`${call(900)}\n${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 900 } })}`)
      expect((await server.request('ping')).result).toEqual({})
      const log = join(box.env.TASKTRAIL_HOME!, 'mcp')
      const status = JSON.parse(readFileSync(join(log, readdirSync(log)[0]!), 'utf8'))
      expect(status.tools).toEqual({})
    } finally {
      await server.close()
    }
  })

  test('answers a line that is not JSON with an error and goes on; an unknown method or tool is an error', async () => {
    const box = sandbox()
    const server = await startMcp(box)
    try {
      server.send('{not json')
      expect((await server.request('resources/list')).error).toMatchObject({ code: -32601 })
      expect((await server.request('tools/call', { name: 'rm', arguments: {} })).error).toMatchObject({ code: -32602, message: 'unknown tool "rm"' })
    } finally {
      expect(await server.close()).toBe(0)
    }
  })

  test('a store another process holds locked keeps no answer waiting: the event is spooled after 250 ms, then applied', async () => {
    const box = sandbox()
    const base = { session_id: 's', cwd: box.project, prompt_id: 'p' }
    expect(hookProcess(box, { ...base, hook_event_name: 'UserPromptSubmit', prompt: 'Record the files' }).code).toBe(0)
    const write = (n: number) => ({ ...base, hook_event_name: 'PostToolUse', tool_name: 'Write', tool_use_id: `w${n}`, tool_input: JSON.stringify({ file_path: join(box.project, `f${n}.ts`), content: 'x' }), tool_response: '{}' })
    const server = await startMcp(box)
    const answers: string[] = []
    const lock = new Database(join(box.env.TASKTRAIL_HOME!, 'tasks.db'))
    lock.exec('BEGIN IMMEDIATE')
    try {
      answers.push((await server.call('hook', write(1))).text)
      // Event 1's application now waits for the lock, and the server with it.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const asked = Date.now()
      answers.push((await server.call('hook', write(2))).text)
      expect(Date.now() - asked).toBeLessThan(1_500)
    } finally {
      lock.exec('ROLLBACK')
      lock.close()
    }
    answers.push((await server.call('hook', write(3))).text)
    expect(await server.close()).toBe(0)
    expect(answers.filter(Boolean).map((text) => JSON.parse(text).systemMessage)).toEqual([expect.stringMatching(/^tasktrail: the task store was busy; events are kept in /)])
    const request = tasks(box).find((task) => task.title === 'Record the files')!
    expect(request.task_context.files_modified).toEqual(['f1.ts', 'f2.ts', 'f3.ts'])
  })

  test('ends on SIGTERM too, after applying what it took', async () => {
    const box = sandbox()
    const server = await startMcp(box)
    const event = { hook_event_name: 'PostToolUseFailure', session_id: 's', cwd: box.project, tool_name: 'Bash', tool_use_id: 't1', tool_input: '{"command":"exit 3"}', error: 'Exit code 3' }
    await server.call('hook', event)
    const exited = new Promise((resolve) => server.child.on('exit', (code, signal) => resolve([code, signal])))
    server.child.kill('SIGTERM')
    expect(await exited).toEqual([0, null])
    expect(readdirSync(join(box.env.TASKTRAIL_HOME!, 'mcp'))).toEqual([])
    expect(tasks(box)[0]?.task_context.blockers_encountered).toEqual(['Bash `exit 3`: Exit code 3'])
  })

  test('ends when Claude Code closes its stdin, and removes its status file', async () => {
    const box = sandbox()
    const server = await startMcp(box)
    const dir = join(box.env.TASKTRAIL_HOME!, 'mcp')
    expect(readdirSync(dir)).toEqual([`${server.child.pid}.json`])
    expect(await server.close()).toBe(0)
    expect(readdirSync(dir)).toEqual([])
  })
})

test('a store path that cannot be created fails at once, saying so', () => {
  const box = sandbox()
  const started = Date.now()
  const run = tasktrail(box, ['add', 'x', '--db', '/proc/nope/tasks.db'])
  expect(Date.now() - started).toBeLessThan(5_000)
  expect(run).toMatchObject({ code: 1, stdout: '' })
  expect(run.stderr).toBe(
    'tasktrail: the store /proc/nope/tasks.db cannot be created: making /proc/nope failed (ENOENT); nothing was changed. Give --db or TASKTRAIL_DB a file in a directory you can write\n'
  )
})
