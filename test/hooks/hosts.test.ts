// Codex CLI and Gemini CLI events (recorded, test/fixtures/other-agents/) through their
// adapters, against a real store: the same records as Claude Code's, marked with the host.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { patchPaths } from '../../src/hooks/hosts/apply-patch.js'
import { readHostEvent, type OtherHost } from '../../src/hooks/hosts/host.js'
import { harness, type RawEvent } from './setup.js'

const FIXTURES = join(import.meta.dirname, '../fixtures/other-agents')
const PROJECT = '/home/dev/project'
const REQUEST = 'Create hello.txt with a greeting. Make a plan first.'

/** A recording, its cwd moved to the harness's project root. */
function recorded(file: string): RawEvent[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line.replaceAll(PROJECT, '/home/dev/nas-monitor')) as RawEvent)
    .map((event) => (ROLLOUTS[file] ? { ...event, transcript_path: join(FIXTURES, ROLLOUTS[file]) } : event))
}

/** The rollout (Codex's transcript) recorded with a stream of events. */
const ROLLOUTS: Record<string, string> = {
  'codex-0.171.0-failure-events.jsonl': 'codex-0.171.0-failure-rollout.jsonl',
  'codex-0.171.0-failed-patch-events.jsonl': 'codex-0.171.0-failed-patch-rollout.jsonl'
}

function hostHarness(host: OtherHost) {
  const h = harness()
  const apply = (raw: RawEvent) => {
    const read = readHostEvent(host, raw)
    return typeof read === 'string' ? read : h.store.transaction(() => read.change(h.ctx))
  }
  // The request first, then its subtasks in their order.
  const summary = () => [...h.tasks()].sort((a, b) => Number(a.parent_task_id !== null) - Number(b.parent_task_id !== null)).map((t) => [t.title, t.status, t.parent_task_id ? 'sub' : 'top', t.task_context.host])
  return { ...h, apply, feed: (events: RawEvent[]) => events.map(apply), summary }
}

describe('Codex CLI 0.171.0', () => {
  it('makes the request at UserPromptSubmit, update_plan its subtasks, apply_patch its files; Stop leaves it open while the plan is', () => {
    const h = hostHarness('codex')
    const outputs = h.feed(recorded('codex-0.171.0-events.jsonl'))
    expect(h.summary()).toEqual([
      [REQUEST, 'in_progress', 'top', 'codex'],
      ['Inspect the repository', 'in_progress', 'sub', 'codex'],
      ['Write hello.txt', 'pending', 'sub', 'codex'],
      ['Summarize the change', 'pending', 'sub', 'codex']
    ])
    const request = h.byTitle(REQUEST)
    expect(request.task_context).toMatchObject({ user_request: REQUEST, host: 'codex' })
    expect(request.session_id).toBe('01a24cc4-a0f6-7060-a963-683206758c9f')
    // The file lands on the plan step in progress, as a Write of Claude Code's does.
    expect(h.byTitle('Inspect the repository').task_context.files_modified).toEqual(['hello.txt'])
    // What is not recorded (PreToolUse) says so; nothing is printed.
    expect(outputs.filter((o) => typeof o === 'string')).toEqual([
      "ignored: tasktrail does not record codex's PreToolUse update_plan",
      "ignored: tasktrail does not record codex's PreToolUse apply_patch"
    ])
  })

  it('follows a renamed and completed plan, which completes the request; Stop reads the failed command from the rollout', () => {
    const h = hostHarness('codex')
    const events = recorded('codex-0.171.0-failure-events.jsonl')
    // The command's PostToolUse has its output only: no exit code, nothing recorded.
    const bash = events.findIndex((e) => e.hook_event_name === 'PostToolUse' && e.tool_name === 'Bash')
    expect(h.feed(events)[bash]).toBe("ignored: tasktrail does not record codex's PostToolUse Bash")
    expect(h.summary()).toEqual([
      ['Create hello.txt. Make a plan first.', 'completed', 'top', 'codex'],
      ['Inspect the repo', 'completed', 'sub', 'codex'],
      ['Write hello.txt', 'completed', 'sub', 'codex']
    ])
    // At Stop nothing of the plan is in progress: the failure lands on the request.
    expect(h.byTitle('Create hello.txt. Make a plan first.').task_context.blockers_encountered).toEqual([
      "Bash `ls nothing-here`: Exit code 2: ls: cannot access 'nothing-here': No such file or directory"
    ])
    // Stop delivered again, or the rollout unreadable, adds nothing.
    h.apply(events.at(-2)!)
    h.apply({ ...events.at(-2)!, transcript_path: '/nonexistent/rollout.jsonl' })
    expect(h.byTitle('Create hello.txt. Make a plan first.').task_context.blockers_encountered).toHaveLength(1)
  })

  it('without a plan: the patch makes the request, and Stop completes it with the last message', () => {
    const h = hostHarness('codex')
    h.feed(recorded('codex-0.171.0-events.jsonl').filter((e) => e.tool_name !== 'update_plan'))
    expect(h.summary()).toEqual([[REQUEST, 'completed', 'top', 'codex']])
    expect(h.byTitle(REQUEST).task_context).toMatchObject({ files_modified: ['hello.txt'], outcome: 'Done: created hello.txt.' })
  })

  it('takes a patch that was not applied (it gets no PostToolUse) from the rollout at Stop', () => {
    const h = hostHarness('codex')
    h.feed(recorded('codex-0.171.0-failed-patch-events.jsonl'))
    const request = h.byTitle('Create hello.txt. Make a plan first.')
    expect(request.task_context.blockers_encountered).toEqual([
      'apply_patch `missing.txt`: apply_patch verification failed: Failed to read file to update /home/dev/project/missing.txt: No such file or directory (os error 2)',
      "Bash `ls nothing-here`: Exit code 2: ls: cannot access 'nothing-here': No such file or directory"
    ])
    expect(h.tasks().flatMap((t) => t.task_context.files_modified ?? [])).toEqual([])
  })

  it('applies a repeated delivery once', () => {
    const h = hostHarness('codex')
    const events = recorded('codex-0.171.0-events.jsonl')
    h.feed([...events, ...events])
    expect(h.tasks()).toHaveLength(4)
    expect(h.byTitle('Inspect the repository').task_context.files_modified).toEqual(['hello.txt'])
  })

  it('ignores an event that is not an object or lacks its envelope', () => {
    const h = hostHarness('codex')
    expect(h.apply([] as unknown as RawEvent)).toBe('ignored: the event is not a JSON object')
    expect(h.apply({ hook_event_name: 'Stop', cwd: '/x' })).toBe('ignored: session_id is missing')
  })
})

describe('apply_patch headers', () => {
  it('name every file added, updated, deleted, and both ends of a move, once each', () => {
    const patch = [
      '*** Begin Patch',
      '*** Add File: docs/new.md',
      '+hello',
      '*** Update File: src/old.ts',
      '*** Move to: src/new.ts',
      '@@',
      '-a',
      '+b',
      '*** Delete File: tmp/gone.txt',
      '*** Update File: docs/new.md',
      '*** End Patch'
    ].join('\n')
    expect(patchPaths(patch)).toEqual(['docs/new.md', 'src/old.ts', 'src/new.ts', 'tmp/gone.txt'])
    // A line of the patch's content that looks like a header is a + or - line, not a header.
    expect(patchPaths('*** Begin Patch\n*** Add File: a\n+*** Add File: b\n*** End Patch')).toEqual(['a'])
  })
})

describe('Gemini CLI 0.61.0', () => {
  it('makes the request at BeforeAgent, write_todos its subtasks, write_file its files; AfterAgent leaves it open while the plan is', () => {
    const h = hostHarness('gemini')
    const outputs = h.feed(recorded('gemini-0.61.0-events.jsonl'))
    expect(h.summary()).toEqual([
      [REQUEST, 'in_progress', 'top', 'gemini'],
      ['Inspect the repository', 'in_progress', 'sub', 'gemini'],
      ['Write hello.txt', 'pending', 'sub', 'gemini'],
      ['Summarize the change', 'pending', 'sub', 'gemini']
    ])
    expect(h.byTitle('Inspect the repository').task_context.files_modified).toEqual(['hello.txt'])
    expect(outputs.filter((o) => typeof o === 'string' && !o.includes('does not record'))).toEqual([])
  })

  it('records a failed shell command, one file written then replaced, and the completed plan completes the request', () => {
    const h = hostHarness('gemini')
    h.feed(recorded('gemini-0.61.0-failure-events.jsonl'))
    expect(h.summary()).toEqual([
      ['Create hello.txt. Make a plan first.', 'completed', 'top', 'gemini'],
      ['Inspect the repo', 'completed', 'sub', 'gemini'],
      ['Write hello.txt', 'completed', 'sub', 'gemini']
    ])
    expect(h.byTitle('Inspect the repo').task_context).toMatchObject({
      files_modified: ['hello.txt'],
      blockers_encountered: ["run_shell_command `ls nothing-here`: Exit Code 2: ls: cannot access 'nothing-here': No such file or directory"]
    })
  })

  it('takes the request from after the context SessionStart gave (Gemini puts it before the first prompt)', () => {
    const h = hostHarness('gemini')
    const events = recorded('gemini-0.61.0-events.jsonl')
    const before = events.find((e) => e.hook_event_name === 'BeforeAgent')!
    h.apply({ ...before, prompt: `<hook_context>tasktrail: 1 open task in this project (TASKS.md).\n- [ ] Rotate keys</hook_context>\n\n${REQUEST}` })
    h.apply(events.find((e) => e.hook_event_name === 'AfterTool' && e.tool_name === 'write_file')!)
    expect(h.summary()).toEqual([[REQUEST, 'in_progress', 'top', 'gemini']])
    expect(h.byTitle(REQUEST).task_context.user_request).toBe(REQUEST)
  })

  it('takes a tool that reports an error for a failure, and records no file for it', () => {
    const h = hostHarness('gemini')
    h.feed(recorded('gemini-0.61.0-failed-replace-events.jsonl'))
    const step = h.byTitle('Inspect the repo')
    expect(step.task_context.files_modified).toEqual(['hello.txt'])
    expect(step.task_context.blockers_encountered).toEqual([
      "replace `hello.txt`: Could not find an exact match for 'old_string' in 'hello.txt'. If previous edits modified the file or you are modifying lines outside your recent read window, please use ReadFile to inspect the target lines before retrying with an exact 'old_string'.",
      "run_shell_command `ls nothing-here`: Exit Code 2: ls: cannot access 'nothing-here': No such file or directory"
    ])
  })

  it('takes a cancelled todo for one dropped from the list', () => {
    const h = hostHarness('gemini')
    const events = recorded('gemini-0.61.0-events.jsonl')
    const todos = events.find((e) => e.hook_event_name === 'AfterTool' && e.tool_name === 'write_todos')!
    h.feed(events.slice(0, 2))
    h.apply(todos)
    const list = (todos.tool_input as { todos: Array<{ description: string; status: string }> }).todos
    h.apply({ ...todos, timestamp: '2026-12-06T19:12:00.000Z', tool_input: { todos: [list[0], list[1], { ...list[2], status: 'cancelled' }] } })
    expect(h.byTitle('Summarize the change').status).toBe('cancelled')
  })

  it('starts a new request at the next BeforeAgent of the session, and keeps the same one for a repeated BeforeAgent', () => {
    const h = hostHarness('gemini')
    const events = recorded('gemini-0.61.0-failure-events.jsonl')
    h.feed(events)
    const before = events.find((e) => e.hook_event_name === 'BeforeAgent')!
    const write = events.find((e) => e.hook_event_name === 'AfterTool' && e.tool_name === 'write_file')!
    h.apply({ ...before, prompt: 'Now add a README' })
    h.apply({ ...before, prompt: 'Now add a README' })
    h.apply({ ...write, timestamp: '2026-12-06T21:00:00.000Z', tool_input: { file_path: 'README.md', content: '#' } })
    const second = h.byTitle('Now add a README')
    expect(second).toMatchObject({ status: 'in_progress', parent_task_id: null })
    expect(second.task_context).toMatchObject({ files_modified: ['README.md'], host: 'gemini' })
    expect(h.byTitle('Create hello.txt. Make a plan first.').status).toBe('completed')
  })
})
