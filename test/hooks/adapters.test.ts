// Each adapter on the recorded Claude Code events, against a real store.
import { describe, expect, it } from 'vitest'
import { harness, is, recording, until, untimed, type RawEvent } from './setup.js'

const NAS = 'Set up monitoring for the Dataforth NAS, alert if sync fails'
const feed = (h: ReturnType<typeof harness>, events: RawEvent[]) => events.map((e) => h.apply(e))

describe('UserPromptSubmit', () => {
  it('remembers the request without making a task until work arrives', () => {
    const h = harness()
    feed(h, recording('2.1.197-task-tools').slice(0, 2))
    expect(h.tasks()).toEqual([])
  })

  it('does not take a <task-notification> for a request', () => {
    const h = harness()
    const events = recording('2.1.332-default')
    const notification = events.find((e) => String(e.prompt).startsWith('<task-notification>'))!
    h.apply({ ...notification, prompt_id: 'another-prompt' })
    h.apply({ ...events.find(is('PostToolUse', 'Write'))!, prompt_id: 'another-prompt' })
    expect(h.tasks()[0]!.title).toBe('Claude Code session 42dbec70')
  })
})

describe('TaskCreate', () => {
  it('makes a pending subtask of the request, which becomes the in-progress parent', () => {
    const h = harness()
    feed(h, until(recording('2.1.197-task-tools'), is('PostToolUse', 'TaskCreate', 'toolu_n2')))
    const request = h.byTitle(NAS)
    expect(request).toMatchObject({ status: 'in_progress', parent_task_id: null, session_id: '02530bef-d6bb-47f3-aeda-bb52e2058056' })
    expect(request.task_context).toEqual({ user_request: NAS, turn: 'running', tool_ms: 2 })
    expect(h.byTitle('Research current sync system')).toMatchObject({
      parent_task_id: request.id, status: 'pending', task_type: 'research', description: 'Find how the NAS sync runs today'
    })
    expect(h.ctx.state.planTaskByClaudeId('02530bef-d6bb-47f3-aeda-bb52e2058056', '1')).toBe(h.byTitle('Research current sync system').id)
  })

  it('takes the type from metadata.type when it names one', () => {
    const h = harness()
    const [start, prompt, , create] = recording('2.1.197-task-tools')
    feed(h, [start!, prompt!])
    h.apply({ ...create!, tool_input: { subject: 'Research options', metadata: { type: 'review' } } })
    expect(h.byTitle('Research options').task_type).toBe('review')
  })

  it('gives the client and project of the repository to the request and its subtasks', () => {
    const h = harness()
    h.store.db.prepare('UPDATE repos SET client_id = ? WHERE id = ?').run(h.store.clientId('Dataforth'), h.ctx.repo.id)
    h.ctx.repo = h.store.repoByKey(h.ctx.repo.key)!
    feed(h, until(recording('2.1.197-task-tools'), is('PreToolUse', 'TaskCreate', 'toolu_n2')))
    expect(h.tasks().map((t) => t.client)).toEqual(['Dataforth', 'Dataforth'])
  })
})

describe('TaskUpdate', () => {
  const before = (id: string) => until(recording('2.1.197-task-tools'), is('PostToolUse', 'TaskUpdate', id))
  const update = (id: string) => recording('2.1.197-task-tools').find(is('PostToolUse', 'TaskUpdate', id))!

  it('records addBlockedBy as a dependency', () => {
    const h = harness()
    feed(h, [...before('toolu_n5'), update('toolu_n5')])
    expect(h.store.dependencies(h.byTitle('Deploy to production').id)).toEqual([h.byTitle('Implement monitoring script').id])
  })

  it('cancels a deleted task and keeps it', () => {
    const h = harness()
    feed(h, [...before('toolu_n6'), update('toolu_n6')])
    const obsolete = h.byTitle('Obsolete idea')
    expect(obsolete.status).toBe('cancelled')
    expect(h.store.events(obsolete.id).at(-1)).toMatchObject({ field: 'status', new_value: 'cancelled', source: 'hook', note: 'deleted by Claude' })
  })

  it('sets status and owner', () => {
    const h = harness()
    feed(h, [...before('toolu_n7'), update('toolu_n7')])
    expect(h.byTitle('Research current sync system')).toMatchObject({ status: 'in_progress', assigned_agent: 'explorer' })
  })

  it('changes nothing when the response says success: false', () => {
    const h = harness()
    feed(h, before('toolu_n7'))
    h.apply({ ...update('toolu_n7'), tool_response: { success: false, error: 'Task not found' } })
    expect(h.byTitle('Research current sync system')).toMatchObject({ status: 'pending', assigned_agent: null })
  })

  it('changes subject and description, and ignores an id it never saw', () => {
    const h = harness()
    feed(h, before('toolu_n7'))
    h.apply({ ...update('toolu_n7'), tool_use_id: 'x1', tool_input: { taskId: '1', subject: 'Research the sync', description: 'how it runs' } })
    h.apply({ ...update('toolu_n7'), tool_use_id: 'x2', tool_input: { taskId: '99', status: 'completed' } })
    expect(h.tasks().find((t) => t.title === 'Research the sync')?.description).toBe('how it runs')
    expect(h.tasks().filter((t) => t.status === 'completed')).toEqual([])
  })
})

describe('TodoWrite', () => {
  it('makes subtasks, applies status changes, renames an edited item and cancels a dropped one', () => {
    const h = harness()
    feed(h, recording('2.1.197-todowrite'))
    const request = h.byTitle(NAS)
    const children = h.store.children(request.id)
    expect(children.map((t) => [t.title, t.status])).toEqual([
      ['Research current sync system', 'completed'],
      ['Design monitoring approach (check \\_SYNC\\_STATUS.txt age)', 'in_progress'],
      ['Implement monitoring script', 'pending'],
      ['Deploy to production', 'cancelled']
    ])
    expect(h.tasks().filter((t) => t.title.startsWith('Design'))).toHaveLength(1)
    expect(request.status).toBe('in_progress')
  })

  it('keeps a dropped item that was completed', () => {
    const h = harness()
    const events = recording('2.1.197-todowrite')
    const first = events.find(is('PostToolUse', 'TodoWrite'))!
    const todos = (first.tool_input as { todos: Array<Record<string, string>> }).todos
    feed(h, [events[1]!, { ...first, tool_input: { todos: todos.map((t) => ({ ...t, status: 'completed' })) } }])
    h.apply({ ...first, tool_use_id: 'again', tool_input: { todos: todos.slice(1).map((t) => ({ ...t, status: 'completed' })) } })
    expect(h.byTitle('Research current sync system').status).toBe('completed')
  })
})

describe('Agent', () => {
  it('runs synchronously (2.1.197): a task for the run under the task in progress, completed with outcome and figures', () => {
    const h = harness()
    feed(h, until(recording('2.1.197-task-tools'), is('PreToolUse', 'TaskUpdate', 'toolu_n9')))
    const run = h.byTitle('Research NAS sync')
    expect(run).toMatchObject({ parent_task_id: h.byTitle('Research current sync system').id, assigned_agent: 'general-purpose', status: 'completed' })
    expect(run.task_context).toEqual({
      agent_run: true,
      files_modified: ['notes/sync.md'],
      tool_ms: 4,
      outcome: 'Found: PowerShell script on AD2, syncs every 15 min',
      duration_ms: 85, tokens: 15, tool_uses: 1,
      assigned_agents: [{ agent: 'general-purpose', status: 'completed', started: run.started_at, completed: run.completed_at, duration_ms: 85 }]
    })
  })

  it('stays in progress after async_launched (2.1.332) and completes from the <task-notification>', () => {
    const h = harness()
    const events = recording('2.1.332-enable-todo-tools')
    feed(h, until(events, is('SubagentStop')))
    expect(h.byTitle('Research NAS sync').status).toBe('in_progress')
    feed(h, events.slice(events.findIndex(is('SubagentStop')) + 1))
    expect(h.byTitle('Research NAS sync')).toMatchObject({ status: 'completed' })
    expect(h.byTitle('Research NAS sync').task_context).toMatchObject({ outcome: 'Found: PowerShell script on AD2, syncs every 15 min', duration_ms: 430, tokens: 15, tool_uses: 1 })
  })

  it('is not reopened by a late async_launched response', () => {
    const h = harness()
    const events = recording('2.1.332-default')
    const launched = events.find(is('PostToolUse', 'Agent'))!
    feed(h, [...events.filter((e) => e !== launched), launched])
    expect(h.byTitle('Research NAS sync').status).toBe('completed')
  })

  it('completes from the notification alone when SubagentStop was missed', () => {
    const h = harness()
    feed(h, recording('2.1.332-default').filter((e) => e.hook_event_name !== 'SubagentStop'))
    expect(h.byTitle('Research NAS sync').task_context).toMatchObject({ duration_ms: 791 })
    expect(h.byTitle('Research NAS sync').status).toBe('completed')
  })

  it('is blocked, with the error as the reason, when the call fails', () => {
    const h = harness()
    const events = recording('2.1.197-task-tools')
    const pre = events.find(is('PreToolUse', 'Agent'))!
    feed(h, [events[1]!, pre, { ...pre, hook_event_name: 'PostToolUseFailure', error: 'Agent type not found', is_interrupt: false }])
    expect(h.byTitle('Research NAS sync')).toMatchObject({ status: 'blocked', task_context: { blocked_reason: 'Agent type not found' } })
  })

  it('handles the legacy tool name Task like Agent', () => {
    const h = harness()
    const events = recording('2.1.197-todowrite').map((e) => (e.tool_name === 'Agent' ? { ...e, tool_name: 'Task' } : e))
    feed(h, events)
    expect(h.byTitle('Research NAS sync')).toMatchObject({ status: 'completed', assigned_agent: 'general-purpose' })
  })
})

describe('Write, Edit', () => {
  it("go to the subagent's run, the main thread's task in progress, else the request", () => {
    const h = harness()
    feed(h, recording('2.1.332-enable-todo-tools'))
    expect(h.byTitle('Research NAS sync').task_context.files_modified).toEqual(['notes/sync.md'])
    expect(h.byTitle('Implement monitoring script').task_context.files_modified).toEqual(['monitor-nas-sync.ps1'])
    const bare = harness()
    feed(bare, recording('2.1.332-default'))
    expect(bare.byTitle('Implement authentication for the API').task_context.files_modified).toEqual(['monitor-nas-sync.ps1'])
  })

  it('make the request on a host without task tools, at the first file edit', () => {
    const h = harness()
    const events = recording('2.1.332-default')
    feed(h, [events[1]!, events.find(is('PostToolUse', 'Write', 'toolu_n11'))!])
    expect(h.tasks().map((t) => [t.title, t.status, t.task_context.files_modified])).toEqual([
      ['Implement authentication for the API', 'in_progress', ['monitor-nas-sync.ps1']]
    ])
  })
})

describe('PostToolUseFailure', () => {
  it('appends the failing command to blockers_encountered of the active task, status unchanged', () => {
    const h = harness()
    feed(h, recording('2.1.197-task-tools'))
    expect(h.byTitle('Implement monitoring script')).toMatchObject({ status: 'in_progress', task_context: { blockers_encountered: ['Bash `exit 3`: Exit code 3'] } })
  })

  it('ignores an interrupt by the user', () => {
    const h = harness()
    const events = recording('2.1.197-task-tools')
    feed(h, [events[1]!, { ...events.find(is('PostToolUseFailure'))!, is_interrupt: true }])
    expect(h.tasks()).toEqual([])
  })
})

describe('SessionStart', () => {
  it('gives the open checklist, with ids, and nothing when nothing is open', () => {
    const h = harness()
    const events = recording('2.1.197-task-tools')
    expect(h.apply(events[0]!)).toBeUndefined()
    feed(h, events.slice(1))
    const output = h.apply({ ...events[0]!, session_id: 'next', source: 'resume' })
    const context = output?.hookSpecificOutput?.additionalContext ?? ''
    expect(context.split('\n')).toEqual([
      expect.stringContaining('3 open tasks'),
      `- [in progress] ${h.byTitle(NAS).id} ${NAS}`,
      `- [in progress] ${h.byTitle('Implement monitoring script').id} Implement monitoring script`,
      `- [pending] ${h.byTitle('Deploy to production').id} Deploy to production`
    ])
    expect(h.store.db.prepare('SELECT source FROM sessions WHERE id = ?').get('next')).toEqual({ source: 'resume' })
  })
})

describe('Stop and SessionEnd', () => {
  it('complete a request with nothing open under it, with the last message as outcome, and note the end', () => {
    const h = harness()
    const events = recording('2.1.197-task-tools')
    feed(h, [events[0]!, events[1]!, events.find(is('PostToolUse', 'Write', 'toolu_n11'))!, events.at(-2)!, events.at(-1)!])
    expect(h.byTitle(NAS)).toMatchObject({ status: 'completed', task_context: { outcome: 'Monitoring script written; deployment waits on it.' } })
    expect(h.store.db.prepare('SELECT ended_at IS NOT NULL AS ended FROM sessions').get()).toEqual({ ended: 1 })
  })

  it('leave a request with open subtasks in progress', () => {
    const h = harness()
    feed(h, recording('2.1.197-task-tools'))
    expect(h.byTitle(NAS).status).toBe('in_progress')
  })
})

describe('idempotency', () => {
  it('applies every recorded event twice with the same result as once', () => {
    for (const host of ['2.1.197-task-tools', '2.1.197-todowrite', '2.1.332-enable-todo-tools', '2.1.332-default'] as const) {
      const once = harness()
      const twice = harness()
      feed(once, recording(host))
      feed(twice, recording(host).flatMap((e) => [e, e]))
      const shape = (h: ReturnType<typeof harness>) =>
        h.tasks().map((t) => [t.title, t.status, untimed(t.task_context)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      expect(shape(twice), host).toEqual(shape(once))
    }
  })
})

describe('tool time', () => {
  const events = recording('2.1.197-task-tools')
  const prompt = events[1]!
  const read = (id: string, duration: number, extra: RawEvent = {}): RawEvent => ({
    ...prompt, hook_event_name: 'PostToolUse', tool_name: 'Read', tool_use_id: id, tool_input: { file_path: '/home/dev/nas-monitor/a.ts' }, tool_response: {}, duration_ms: duration, ...extra
  })

  it("adds a call of a tool no adapter handles to the task in progress, once per tool_use_id, and changes nothing else", () => {
    const h = harness()
    feed(h, until(events, is('PreToolUse', 'Agent')))
    const step = h.byTitle('Research current sync system')
    const before = step.task_context.tool_ms as number
    const others = h.tasks().filter((t) => t.id !== step.id)
    feed(h, [read('r1', 40), read('r1', 40), { ...read('b1', 25), tool_name: 'Bash', tool_input: { command: 'ls' } }])
    expect(h.byTitle('Research current sync system').task_context).toEqual({ ...step.task_context, tool_ms: before + 65 })
    expect(h.byTitle('Research current sync system').status).toBe(step.status)
    expect(h.tasks().filter((t) => t.id !== step.id)).toEqual(others)
  })

  it("adds a subagent's call to its run", () => {
    const h = harness()
    feed(h, until(events, is('PostToolUse', 'Write', 'toolu_r1')))
    const write = events.find(is('PostToolUse', 'Write', 'toolu_r1'))!
    h.apply(read('r2', 12, { agent_id: write.agent_id }))
    expect(h.byTitle('Research NAS sync').task_context.tool_ms).toBe(12)
  })

  it('makes no request task: a question answered by reading leaves none, and its time none', () => {
    const h = harness()
    feed(h, [prompt, read('r3', 30)])
    expect(h.tasks()).toEqual([])
    // The prompt's first work makes the request; later reads count for it.
    feed(h, [events.find(is('PostToolUse', 'TaskCreate'))!, read('r4', 7)])
    expect(h.byTitle(NAS).task_context.tool_ms).toBe(2 + 7)
  })
})
