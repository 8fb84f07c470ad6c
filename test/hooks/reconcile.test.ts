// Reconciliation on a transcript shaped like Claude Code's (main thread, a subagent's file
// with its meta.json, a failure, a call refused before it ran, a line still being written):
// the calls no hook brought are applied, in order, once; at Stop, and in the MCP server
// before the first event it takes of a turn.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { HOOK_INPUT } from '../../src/mcp/hook-input.js'
import { json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { interpolate, startMcp } from '../helpers/mcp.js'

const SESSION = 'sess-1'
const PROMPT = 'prompt-1'

const at = (s: number) => `2026-12-06T10:00:${String(s).padStart(2, '0')}.000Z`
const prompt = (s: number, text: string) => ({ type: 'user', promptId: PROMPT, timestamp: at(s), message: { role: 'user', content: text } })
const call = (s: number, id: string, name: string, input: object) => ({ type: 'assistant', timestamp: at(s), message: { role: 'assistant', content: [{ type: 'tool_use', id, name, input }] } })
const result = (s: number, id: string, toolUseResult: unknown, content: unknown = 'ok', isError = false) => ({
  type: 'user', promptId: PROMPT, timestamp: at(s), toolUseResult,
  message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content, ...(isError ? { is_error: true } : {}) }] }
})
const lines = (entries: object[]) => entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n'

function transcript(box: Sandbox): string {
  const dir = join(box.dir, 'transcripts')
  const path = join(dir, `${SESSION}.jsonl`)
  mkdirSync(join(dir, SESSION, 'subagents'), { recursive: true })
  writeFileSync(path, lines([
    prompt(0, 'Ship the docs'),
    call(1, 'tu1', 'TaskCreate', { subject: 'Write docs', description: 'the guide', activeForm: 'Writing docs' }),
    result(2, 'tu1', { task: { id: '1', subject: 'Write docs' } }),
    call(3, 'tu2', 'Agent', { description: 'Research the guide', prompt: 'R', subagent_type: 'general-purpose' }),
    result(7, 'tu2', { status: 'completed', agentId: 'a1', content: [{ type: 'text', text: 'Found it' }], totalDurationMs: 5 }),
    call(8, 'tu4', 'Bash', { command: 'exit 3' }),
    result(9, 'tu4', 'Error: Exit code 3', 'Exit code 3', true),
    call(10, 'tu5', 'TaskCreate', { subject: 'Never ran' }),
    result(11, 'tu5', 'Error: No such tool', '<tool_use_error>Error: No such tool available: TaskCreate</tool_use_error>', true)
  ]) + '{"type":"assi')
  writeFileSync(join(dir, SESSION, 'subagents', 'agent-a1.jsonl'), lines([
    { ...prompt(4, 'R'), agentId: 'a1', isSidechain: true },
    { ...call(5, 'tu3', 'Write', { file_path: join(box.project, 'notes.md'), content: 'x' }), agentId: 'a1' },
    { ...result(6, 'tu3', { type: 'create', filePath: join(box.project, 'notes.md') }), agentId: 'a1' }
  ]))
  writeFileSync(join(dir, SESSION, 'subagents', 'agent-a1.meta.json'), JSON.stringify({ agentType: 'general-purpose', toolUseId: 'tu2' }))
  return path
}

const hook = (box: Sandbox, event: object) => {
  const run = tasktrail(box, ['hook'], { input: JSON.stringify({ session_id: SESSION, cwd: box.project, ...event }), env: { CLAUDE_PROJECT_DIR: box.project } })
  expect(run).toMatchObject({ code: 0, stderr: '' })
}
const log = (box: Sandbox) => readFileSync(join(box.env.TASKTRAIL_HOME!, 'hook.log'), 'utf8').trim().split('\n')
const tasks = (box: Sandbox) => json<{ tasks: Array<{ title: string; status: string; parent_task_id: string | null; task_context: Record<string, unknown> }> }>(box, ['export']).tasks

test('Stop applies the calls of its turn that no hook brought, once, in order', () => {
  const box = sandbox()
  const path = transcript(box)
  hook(box, { hook_event_name: 'SessionStart', source: 'startup', transcript_path: path })
  hook(box, { hook_event_name: 'UserPromptSubmit', prompt_id: PROMPT, prompt: 'Ship the docs', transcript_path: path })
  // One hook did come: its event is not applied again.
  hook(box, { hook_event_name: 'PostToolUse', prompt_id: PROMPT, tool_name: 'TaskCreate', tool_use_id: 'tu1', transcript_path: path,
    tool_input: { subject: 'Write docs', description: 'the guide', activeForm: 'Writing docs' }, tool_response: { task: { id: '1', subject: 'Write docs' } } })
  const stop = { hook_event_name: 'Stop', prompt_id: PROMPT, transcript_path: path, last_assistant_message: 'Docs researched.' }
  hook(box, stop)

  const byTitle = Object.fromEntries(tasks(box).map((t) => [t.title, t]))
  expect(Object.keys(byTitle).sort()).toEqual(['Research the guide', 'Ship the docs', 'Write docs'])
  expect(byTitle['Research the guide']).toMatchObject({ status: 'completed', task_context: { outcome: 'Found it', files_modified: ['notes.md'] } })
  expect(byTitle['Ship the docs']).toMatchObject({ status: 'in_progress', task_context: { blockers_encountered: ['Bash `exit 3`: Exit code 3'] } })
  expect(byTitle['Write docs']).toMatchObject({ status: 'pending' })
  // PreToolUse Agent, SubagentStart, the subagent's Write, PostToolUse Agent, the failure.
  expect(log(box)).toEqual([expect.stringMatching(/ Stop sess-1 5 events of this turn had reached no hook; applied from the transcript$/)])

  const before = tasks(box)
  hook(box, stop)
  expect(tasks(box)).toEqual(before)
  expect(log(box)).toHaveLength(1)
})

test('the MCP server applies what no hook brought before the first event it takes of a turn', async () => {
  const box = sandbox()
  const dir = join(box.dir, 'transcripts')
  mkdirSync(dir)
  const path = join(dir, `${SESSION}.jsonl`)
  const update = { taskId: '1', status: 'in_progress' }
  writeFileSync(path, lines([
    prompt(0, 'Ship the docs'),
    call(1, 'tu1', 'TaskCreate', { subject: 'Write docs', description: 'the guide', activeForm: 'Writing docs' }),
    result(2, 'tu1', { task: { id: '1', subject: 'Write docs' } }),
    call(3, 'tu2', 'TaskUpdate', update)
  ]))
  hook(box, { hook_event_name: 'UserPromptSubmit', prompt_id: PROMPT, prompt: 'Ship the docs', transcript_path: path })
  // The server connected late: TaskCreate's hook was skipped; TaskUpdate's is the first it takes.
  const server = await startMcp(box)
  const event = { session_id: SESSION, cwd: box.project, prompt_id: PROMPT, transcript_path: path, hook_event_name: 'PostToolUse', tool_name: 'TaskUpdate', tool_use_id: 'tu2',
    tool_input: update, tool_response: { success: true, taskId: '1', updatedFields: ['status'] } }
  expect(await server.call('hook', interpolate(HOOK_INPUT, event))).toEqual({ text: '', isError: false })
  expect(await server.close()).toBe(0)
  expect(tasks(box).find((t) => t.title === 'Write docs')).toMatchObject({ status: 'in_progress' })
  expect(log(box)).toEqual([expect.stringMatching(/ PostToolUse:TaskUpdate sess-1 1 event of this turn had reached no hook; applied from the transcript$/)])
})
