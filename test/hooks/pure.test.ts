// The pure functions under the adapters.
import { describe, expect, it } from 'vitest'
import { projectPath } from '../../src/hooks/adapters/file-write.js'
import { renderChecklist } from '../../src/hooks/checklist.js'
import { parseEvent, UnknownEventError } from '../../src/hooks/event.js'
import { ShapeError } from '../../src/hooks/shape.js'
import { parseTaskNotification } from '../../src/hooks/task-notification.js'
import { inferTaskType } from '../../src/hooks/task-type.js'
import { clip, taskTitle, titleFrom } from '../../src/hooks/text.js'
import { diffTodos } from '../../src/hooks/todo-diff.js'
import { recording } from './setup.js'
import { matchScore } from '../../src/hooks/plan-progress.js'
import { workflowMeta } from '../../src/hooks/workflow-meta.js'

describe('titleFrom and clip', () => {
  it('take the first line and cut at a word boundary', () => {
    expect(titleFrom('\n  Fix the   login bug\nwith details', 80)).toBe('Fix the login bug')
    expect(titleFrom('Set up monitoring for the Dataforth NAS, alert if sync fails', 40)).toBe('Set up monitoring for the Dataforth NAS…')
    expect(titleFrom('x'.repeat(100), 10)).toBe('xxxxxxxxx…')
    expect(clip('abcdef', 4)).toBe('abc…')
    expect(clip('abc', 4)).toBe('abc')
  })

  it('make task titles plain markdown text', () => {
    expect(taskTitle('Fix `parse` in [sync] <!-- x -->')).toBe('Fix \\`parse\\` in \\[sync\\] \\<!-- x --\\>')
  })
})

describe('inferTaskType', () => {
  it.each([
    ['Review the PR', 'review'], ['Write tests for sync', 'testing'], ['Deploy to production', 'deployment'],
    ['Investigate the crash', 'research'], ['Document the API', 'documentation'], ['Fix login bug', 'bugfix'],
    ['Design monitoring approach', 'analysis'], ['Analyse logs', 'analysis'], ['Implement monitoring script', 'implementation'],
    ['Set up monitoring', null]
  ])('%s → %s', (subject, type) => expect(inferTaskType(subject)).toBe(type))
})

describe('diffTodos', () => {
  const known = (content: string, status: 'pending' | 'in_progress' | 'completed', task_id: string) => ({ content, status, task_id })
  it('pairs identical texts, renames an edited item, drops the missing and adds the new', () => {
    const changes = diffTodos(
      [known('Research sync', 'in_progress', 'a'), known('Design approach', 'pending', 'b'), known('Deploy it', 'pending', 'c')],
      [
        { content: 'Research sync', status: 'completed' },
        { content: 'Design approach (check age)', status: 'pending' },
        { content: 'Write the runbook', status: 'pending' }
      ]
    )
    expect(changes).toEqual([
      { kind: 'kept', task_id: 'a', todo: { content: 'Research sync', status: 'completed' }, renamed: false, statusChanged: true },
      { kind: 'kept', task_id: 'b', todo: { content: 'Design approach (check age)', status: 'pending' }, renamed: true, statusChanged: false },
      { kind: 'new', todo: { content: 'Write the runbook', status: 'pending' } },
      { kind: 'dropped', task_id: 'c', status: 'pending' }
    ])
  })

  it('keeps two items with the same text apart', () => {
    const changes = diffTodos([known('Run tests', 'completed', 'a')], [{ content: 'Run tests', status: 'completed' }, { content: 'Run tests', status: 'pending' }])
    expect(changes.map((c) => c.kind)).toEqual(['kept', 'new'])
  })
})

describe('parseTaskNotification', () => {
  it('reads the recorded notification', () => {
    const prompt = recording('2.1.332-default').map((e) => String(e.prompt)).find((p) => p.startsWith('<task-notification>'))!
    expect(parseTaskNotification(prompt)).toEqual({
      agentId: 'a5a7f3fd17ad70661', toolUseId: 'toolu_n8', status: 'completed', summary: 'Agent "Research NAS sync" finished',
      result: 'Found: PowerShell script on AD2, syncs every 15 min', tokens: 15, toolUses: 1, durationMs: 791
    })
  })
})

describe('parseEvent', () => {
  it('reads every recorded event', () => {
    for (const host of ['2.1.197-task-tools', '2.1.197-todowrite', '2.1.332-enable-todo-tools', '2.1.332-default'] as const) {
      for (const event of recording(host)) expect(() => parseEvent(event)).not.toThrow()
    }
  })

  it('refuses missing and mistyped fields, and names unknown events', () => {
    const [start, prompt] = recording('2.1.197-task-tools')
    expect(() => parseEvent([])).toThrow(ShapeError)
    expect(() => parseEvent({ ...start, session_id: 42 })).toThrow('session_id is not a string')
    expect(() => parseEvent({ ...start, cwd: undefined })).toThrow('cwd is missing')
    expect(() => parseEvent({ ...prompt, prompt: ['x'] })).toThrow(ShapeError)
    expect(() => parseEvent({ ...start, hook_event_name: 'Notification' })).toThrow(UnknownEventError)
  })
})

describe('renderChecklist', () => {
  const CLI = "node '/opt/tasktrail/bin/tasktrail.js'"
  const task = (i: number) => ({ id: `t-${String(i).padStart(7, '0')}`, title: `Task ${i} ${'words '.repeat(8)}`, status: 'pending' as const, blocked_reason: null })
  it('is empty when nothing is open, and stays within its limit with a count of the rest', () => {
    expect(renderChecklist([], 0, 2000, CLI)).toBe('')
    const text = renderChecklist(Array.from({ length: 60 }, (_, i) => task(i)), 200, 2000, CLI)
    expect(text.length).toBeLessThanOrEqual(2000)
    expect(text).toMatch(/…and \d+ more: node '\/opt\/tasktrail\/bin\/tasktrail.js' list$/)
  })

  it("names the plugin's tasktrail tools where the session has them", () => {
    const open = [{ id: 't-1234567', title: 'Ship', status: 'pending' as const, blocked_reason: null }]
    expect(renderChecklist(open, 1, 2000, CLI, true).split('\n')[0]).toBe(
      'tasktrail: 1 open task in this project (TASKS.md). Update them with your task tools or the tasktrail tools mcp__plugin_tasktrail_tasktrail__start, mcp__plugin_tasktrail_tasktrail__complete, mcp__plugin_tasktrail_tasktrail__block, mcp__plugin_tasktrail_tasktrail__note, mcp__plugin_tasktrail_tasktrail__add_subtask, mcp__plugin_tasktrail_tasktrail__cancel.'
    )
    expect(renderChecklist(Array.from({ length: 60 }, (_, i) => task(i)), 200, 2000, CLI, true)).toMatch(/…and \d+ more: mcp__plugin_tasktrail_tasktrail__checklist$/)
  })

  it('gives a blocked task its reason', () => {
    expect(renderChecklist([{ id: 't-1234567', title: 'Ship', status: 'blocked', blocked_reason: 'waits on review' }], 1, 2000, CLI)).toContain(
      '- [blocked] t-1234567 Ship — waits on review'
    )
  })
})

describe('projectPath', () => {
  it('makes a path inside the project relative to it, from the event\'s cwd whatever the process\'s', () => {
    expect(projectPath('/repo', '/repo/src/a.ts', '/elsewhere')).toBe('src/a.ts')
    expect(projectPath('/repo', 'src/a.ts', '/repo')).toBe('src/a.ts')
    expect(projectPath('/repo', 'a.ts', '/repo/src')).toBe('src/a.ts')
    expect(projectPath('/repo', '..notes/x.md', '/repo')).toBe('..notes/x.md')
  })

  it('keeps a path outside the project as given', () => {
    expect(projectPath('/repo', '/etc/passwd', '/repo')).toBe('/etc/passwd')
    expect(projectPath('/repo', '../other/x.ts', '/repo')).toBe('../other/x.ts')
    expect(projectPath('/repo', '/repo', '/repo')).toBe('/repo')
  })
})

describe('workflow meta', () => {
  it("reads the script's literal meta: either quotes, bare keys, trailing commas, comments", () => {
    const script = `// the plan
export const meta = {
  name: "nas-check", // its name
  description: 'Checks the NAS: {daily}',
  phases: [{ title: 'Look', detail: "it's read-only" }, /* none here */ { title: \`Fix\` },],
}
await agent('x', { label: 'a', phase: 'Look' })`
    expect(workflowMeta(script)).toEqual({
      name: 'nas-check', description: 'Checks the NAS: {daily}',
      phases: [{ title: 'Look', detail: "it's read-only" }, { title: 'Fix', detail: undefined }]
    })
  })

  it('refuses a meta that is not a literal or is missing', () => {
    expect(() => workflowMeta('export const meta = { name: `wf-${id}` }')).toThrow(ShapeError)
    expect(() => workflowMeta('export const meta = { name: makeName() }')).toThrow(ShapeError)
    expect(() => workflowMeta('await agent("x")')).toThrow(ShapeError)
  })
})

describe('plan step matching', () => {
  it('counts the step words the work mentions, a word matching its longer form', () => {
    expect(matchScore('Write a monitoring script that checks _SYNC_STATUS.txt age', ['write', 'monitor', 'nas', 'sync', 'ps1'])).toBe(3)
    expect(matchScore('Deploy the script as a DattoRMM component', ['the', 'and'])).toBe(0)
  })
})
