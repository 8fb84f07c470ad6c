import { describe, expect, it } from 'vitest'
import { parseProgress, renderProgress } from '../../src/sync/progress.js'
import type { StoredTask } from '../../src/store/store.js'

const task: StoredTask = {
  id: 't-abcd123', repo_id: 1, parent_task_id: 't-parent1', title: 'Write **the** parser', description: 'Two\nlines',
  status: 'completed', task_type: 'implementation', assigned_agent: 'coder', session_id: 's-1', client: 'Acme', project: null,
  estimated_complexity: 'high', position: 3, created_at: '2026-11-27T07:00:00.000Z', started_at: '2026-11-27T07:01:00.000Z',
  completed_at: '2026-11-27T07:02:00.000Z', updated_at: '2026-11-27T07:02:00.000Z',
  task_context: {
    outcome: 'true', files_modified: ['a.ts', 'b.ts'], assigned_agents: [{ agent: 'coder', status: 'done' }],
    production_ready: true, billable: true, billable_minutes: 45, blocked_reason: ' leading space'
  }
}

describe('progress files', () => {
  it('round-trip every committed field and leave billing data (billable, minutes, client) out', () => {
    const text = renderProgress(task)
    expect(text).not.toMatch(/billable|Acme/)
    const { billable, billable_minutes, ...context } = task.task_context
    expect(parseProgress(task.id, text)).toEqual({
      id: task.id, title: task.title, status: 'completed', parent_task_id: 't-parent1', task_type: 'implementation',
      assigned_agent: 'coder', description: 'Two\nlines', estimated_complexity: 'high', session_id: 's-1',
      created_at: task.created_at, started_at: task.started_at, completed_at: task.completed_at, task_context: context
    })
  })

  it('are plain to read: one line per field, text unquoted', () => {
    expect(renderProgress(task)).toContain('- assigned_agent: coder\n')
    expect(renderProgress(task)).toContain('- outcome: "true"\n')
  })
})
