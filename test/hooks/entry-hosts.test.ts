// Codex CLI and Gemini CLI events through the real entry point, `tasktrail hook --host …`, one
// process per event as those CLIs run them: exit 0, nothing on stdout, one log line per
// problem, and a spooled event replayed as its host's.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'

const FIXTURES = join(import.meta.dirname, '../fixtures/other-agents')
const recorded = (file: string, project: string) =>
  readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line.replaceAll('/home/dev/project', project)) as Record<string, unknown>)
const hook = (box: Sandbox, host: string, event: unknown, env: NodeJS.ProcessEnv = {}) =>
  tasktrail(box, ['hook', '--host', host], { input: typeof event === 'string' ? event : JSON.stringify(event), env })
const logLines = (box: Sandbox) => {
  const file = join(box.env.TASKTRAIL_HOME!, 'hook.log')
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []
}
const tasks = (box: Sandbox) => json<{ tasks: Array<{ title: string; parent_task_id: string | null; task_context: Record<string, unknown> }> }>(box, ['export']).tasks

describe('tasktrail hook --host', () => {
  it('codex: the recording, one process per event, prints nothing and leaves the request and its plan', () => {
    const box = sandbox()
    for (const event of recorded('codex-0.171.0-events.jsonl', box.project).filter((e) => e.hook_event_name !== 'PreToolUse')) {
      expect(hook(box, 'codex', event), String(event.hook_event_name)).toEqual({ code: 0, stdout: '', stderr: '' })
    }
    const top = (t: { parent_task_id: string | null }) => Number(t.parent_task_id !== null)
    expect(tasks(box).sort((a, b) => top(a) - top(b)).map((t) => [t.title, t.task_context.host])).toEqual([
      ['Create hello.txt with a greeting. Make a plan first.', 'codex'],
      ['Inspect the repository', 'codex'],
      ['Write hello.txt', 'codex'],
      ['Summarize the change', 'codex']
    ])
    expect(readFileSync(join(box.project, 'TASKS.md'), 'utf8')).toContain('Inspect the repository')
    expect(logLines(box)).toEqual([])
  })

  it('gemini: an event that cannot be recorded now is spooled with its host, and applied as Gemini\'s by the next hook', () => {
    const box = sandbox()
    const events = recorded('gemini-0.61.0-events.jsonl', box.project)
    const find = (name: string, tool?: string) => events.find((e) => e.hook_event_name === name && (tool === undefined || e.tool_name === tool))!
    hook(box, 'gemini', find('BeforeAgent'))
    const broken = { TASKTRAIL_DB: box.dir }
    const spooled = hook(box, 'gemini', find('AfterTool', 'write_file'), broken)
    expect(spooled.code).toBe(0)
    expect(JSON.parse(spooled.stdout).systemMessage).toMatch(/^tasktrail: the task store could not be opened/)
    const spool = join(box.env.TASKTRAIL_HOME!, 'spool')
    const line = JSON.parse(readFileSync(join(spool, readdirSync(spool)[0]!), 'utf8').trim())
    expect(line).toMatchObject({ received_at: expect.any(String), event: { hook_event_name: 'AfterTool', tool_name: 'write_file', tasktrail_host: 'gemini' } })
    expect(hook(box, 'gemini', find('AfterAgent'))).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(tasks(box).map((t) => [t.title, t.task_context.files_modified, t.task_context.host])).toEqual([
      ['Create hello.txt with a greeting. Make a plan first.', ['hello.txt'], 'gemini']
    ])
  })

  it('never fails the session: an unknown host, stdin that is no JSON, an event it does not record are one log line each', () => {
    const box = sandbox()
    expect(hook(box, 'cursor', { hook_event_name: 'Stop' })).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(hook(box, 'codex', 'not json')).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(hook(box, 'gemini', { ...recorded('gemini-0.61.0-events.jsonl', box.project)[3], hook_event_name: 'BeforeModel' })).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(logLines(box).map((l) => l.split(' ').slice(3).join(' '))).toEqual([
      'ignored: --host cursor is not one of claude-code, codex, gemini',
      'ignored: stdin is not JSON (8 characters)',
      "ignored: tasktrail does not record gemini's BeforeModel"
    ])
  })
})
