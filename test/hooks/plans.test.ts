// Plan mode, workflows, task events and turns, on the recorded interactive sessions
// (test/fixtures/claude-code/cc-2.1.*-plan-mode, cc-2.1.332-workflow), against a real store.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES_DIR } from '../e2e/recordings.js'
import { harness, is, recording, until, untimed, type RawEvent } from './setup.js'

const NAS = 'Set up monitoring for the Dataforth NAS, alert if sync fails'
const STEPS = [
  'Research how the NAS sync runs today',
  'Write a monitoring script that checks \\_SYNC\\_STATUS.txt age',
  'Deploy the script as a DattoRMM component with an alert'
]
const feed = (h: ReturnType<typeof harness>, events: RawEvent[]) => events.map((e) => h.apply(e))

function capture(name: string): RawEvent[] {
  return readFileSync(join(FIXTURES_DIR, `cc-${name}.events.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RawEvent)
}

const planOf = (e: RawEvent) => (e.tool_response as { plan: string }).plan

describe('plan mode', () => {
  for (const version of ['2.1.332', '2.1.197']) {
    it(`${version}: the approved plan's numbered steps become the request's subtasks, moved by the work that follows`, () => {
      const h = harness()
      const events = capture(`${version}-plan-mode`)
      feed(h, until(events, is('PreToolUse', 'Agent')))
      const request = h.byTitle(NAS)
      expect(h.store.children(request.id).map((t) => [t.title, t.status])).toEqual(STEPS.map((s) => [s, 'pending']))

      feed(h, until(events, is('PreToolUse', 'Write', 'toolu_q5')).slice(events.findIndex(is('PreToolUse', 'Agent'))))
      // The agent's research matches the first step: it starts, and the run is under it.
      const research = h.byTitle(STEPS[0]!)
      expect(research.status).toBe('in_progress')
      expect(research.task_context.guess).toMatch(/^started: /)
      expect(h.byTitle('Research NAS sync')).toMatchObject({ parent_task_id: research.id, status: 'completed' })
      expect(h.byTitle(NAS).status).toBe('in_progress')

      feed(h, events.slice(events.findIndex(is('PreToolUse', 'Write', 'toolu_q5'))))
      const steps = h.store.children(request.id)
      expect(steps.map((t) => [t.title, t.status])).toEqual(STEPS.map((s) => [s, 'completed']))
      expect(steps.map((t) => t.task_context.files_modified)).toEqual([undefined, ['monitor-nas-sync.ps1'], ['deploy/dattormm-component.json']])
      for (const step of steps) expect(step.task_context.guess).toMatch(/^completed: /)
      const done = h.byTitle(NAS)
      expect(done.status).toBe('completed')
      expect(done.task_context.outcome).toMatch(/^Monitoring script written/)
      expect(done.task_context.turn).toBeUndefined()
      // Work after the notification stays on the request: no task named after the session.
      expect(h.tasks().filter((t) => t.parent_task_id === null).map((t) => t.title)).toEqual([NAS])
    })
  }

  it('keeps the request open while a step no work reached is open', () => {
    const h = harness()
    const events = capture('2.1.197-plan-mode')
    feed(h, events.filter((e) => !(e.tool_use_id === 'toolu_q6')))
    expect(h.store.children(h.byTitle(NAS).id).map((t) => t.status)).toEqual(['completed', 'completed', 'pending'])
    expect(h.byTitle(NAS).status).toBe('in_progress')
  })

  it('updates the same subtasks from a revised plan: renamed, added, dropped → cancelled', () => {
    const h = harness()
    const events = capture('2.1.332-plan-mode')
    const exit = events.find(is('PostToolUse', 'ExitPlanMode'))!
    feed(h, until(events, is('PreToolUse', 'Agent')))
    const before = h.store.children(h.byTitle(NAS).id).map((t) => t.id)
    const revised = planOf(exit)
      .replace('3. Deploy the script as a DattoRMM component with an alert\n', '3. Test the script against a stale status file\n')
      .replace('checks _SYNC_STATUS.txt age', 'checks the age of _SYNC_STATUS.txt')
    h.apply({ ...exit, tool_use_id: 'toolu_again', tool_response: { ...(exit.tool_response as object), plan: revised } })
    const after = h.store.children(h.byTitle(NAS).id)
    expect(after.map((t) => [t.title, t.status])).toEqual([
      [STEPS[0], 'pending'],
      ['Write a monitoring script that checks the age of \\_SYNC\\_STATUS.txt', 'pending'],
      [STEPS[2], 'cancelled'],
      ['Test the script against a stale status file', 'pending']
    ])
    expect(after.slice(0, 3).map((t) => t.id)).toEqual(before)
  })

  it('reads a task list (a ticked box is a done step) and ### step headings; prose, code and tables are no steps', () => {
    const h = harness()
    const events = capture('2.1.332-plan-mode')
    const exit = events.find(is('PostToolUse', 'ExitPlanMode'))!
    feed(h, events.slice(0, 2))
    const plan = [
      '# Plan', '', 'Some prose.', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', '```sh', '- not a step', '```', '',
      '- [x] Check the share', '- [ ] Write the check', '  - a detail, no step'
    ].join('\n')
    h.apply({ ...exit, tool_response: { plan } })
    expect(h.store.children(h.byTitle(NAS).id).map((t) => [t.title, t.status])).toEqual([
      ['Check the share', 'completed'],
      ['Write the check', 'pending']
    ])
    const headings = harness()
    feed(headings, events.slice(0, 2))
    headings.apply({ ...exit, tool_response: { plan: '# Plan\n\n### Research the sync\n\n- details\n\n### Write the script\n\nProse.\n' } })
    expect(headings.store.children(headings.byTitle(NAS).id).map((t) => t.title)).toEqual(['Research the sync', 'Write the script'])
  })

  it('never moves a step a person ticked', () => {
    const h = harness()
    const events = capture('2.1.197-plan-mode')
    feed(h, until(events, is('PreToolUse', 'Agent')))
    const first = h.byTitle(STEPS[0]!)
    h.store.setStatus(first.id, 'completed', 'file')
    feed(h, events.slice(events.findIndex(is('PreToolUse', 'Agent'))))
    expect(h.byTitle(STEPS[0]!).task_context.guess).toBeUndefined()
    expect(h.byTitle(NAS).status).toBe('completed')
  })
})

describe('workflow', () => {
  const LABELS: Record<string, [string, string]> = {
    a1b20b5d117e2067e: ['research:sync', 'Research'],
    ac1e8e9a572087946: ['implement:monitor', 'Implement'],
    ab21e036642435d6e: ['deploy:dattormm', 'Deploy']
  }

  /** The recorded workflow with its transcriptDir in a temp dir, where `write` puts what Claude Code wrote there. */
  function workflowSession(write: (dir: string) => void): RawEvent[] {
    const dir = join(mkdtempSync(join(tmpdir(), 'tasktrail-workflow-')), 'wf_cb887f52-ebb')
    mkdirSync(dir, { recursive: true })
    write(dir)
    return capture('2.1.332-workflow').map((e) => {
      if (is('PostToolUse', 'Workflow')(e)) return { ...e, tool_response: { ...(e.tool_response as object), transcriptDir: dir } }
      if (e.hook_event_name === 'SubagentStop') return { ...e, agent_transcript_path: join(dir, `agent-${String(e.agent_id)}.jsonl`) }
      return e
    })
  }

  const journal = (dir: string) =>
    writeFileSync(
      join(dir, 'journal.jsonl'),
      Object.entries(LABELS).map(([agentId, [label, phase]]) => JSON.stringify({ type: 'started', agentId, label, phase }) + '\n').join('')
    )

  it('is a task under the request, its phases subtasks in order, each agent run under its phase, closed by the notification', () => {
    const h = harness()
    const events = workflowSession(journal)
    feed(h, until(events, is('SubagentStop')))
    const request = h.byTitle(`${NAS}. Use a workflow.`)
    const workflow = h.byTitle('nas-sync-monitoring')
    expect(workflow).toMatchObject({ parent_task_id: request.id, status: 'in_progress', description: 'Research, implement and deploy monitoring for the Dataforth NAS sync' })
    expect(h.store.children(workflow.id).map((t) => [t.title, t.status])).toEqual([
      ['Research', 'in_progress'], ['Implement', 'pending'], ['Deploy', 'pending']
    ])
    expect(h.byTitle('research:sync')).toMatchObject({ parent_task_id: h.byTitle('Research').id, status: 'in_progress', assigned_agent: 'workflow-subagent' })
    // The turn ended while the workflow runs: the request stays open.
    expect(h.byTitle(`${NAS}. Use a workflow.`).status).toBe('in_progress')

    const notification = events.findIndex((e) => String(e.prompt).startsWith('<task-notification>'))
    feed(h, events.slice(events.findIndex(is('SubagentStop')), notification))
    expect(h.store.children(workflow.id).map((t) => t.status)).toEqual(['completed', 'completed', 'completed'])
    expect(h.byTitle('implement:monitor').task_context.files_modified).toEqual(['monitor-nas-sync.ps1'])
    expect(h.byTitle(`${NAS}. Use a workflow.`).status).toBe('in_progress')

    feed(h, events.slice(events.findIndex((e) => String(e.prompt).startsWith('<task-notification>'))))
    expect(h.byTitle('nas-sync-monitoring')).toMatchObject({ status: 'completed', task_context: { outcome: expect.stringContaining('"sync"') } })
    expect(h.byTitle(`${NAS}. Use a workflow.`)).toMatchObject({ status: 'completed', task_context: { outcome: expect.stringMatching(/^Done: /) } })
    expect(h.tasks().filter((t) => t.parent_task_id === null)).toHaveLength(1)
  })

  it("takes an agent's label and phase from its .meta.json when the journal has none", () => {
    const h = harness()
    const events = workflowSession((dir) => {
      for (const [agentId, [label, phase]] of Object.entries(LABELS)) {
        writeFileSync(join(dir, `agent-${agentId}.meta.json`), JSON.stringify({ agentType: 'workflow-subagent', description: label, workflowPhase: phase }))
      }
    })
    feed(h, events)
    expect(h.byTitle('deploy:dattormm').parent_task_id).toBe(h.byTitle('Deploy').id)
  })

  it('places a run whose label is on disk only at its end under its phase then', () => {
    const h = harness()
    let where = ''
    const events = workflowSession((dir) => (where = dir))
    const firstStop = events.findIndex(is('SubagentStop'))
    feed(h, events.slice(0, firstStop))
    expect(h.byTitle('Workflow agent').parent_task_id).toBe(h.byTitle('nas-sync-monitoring').id)
    writeFileSync(join(where, 'agent-a1b20b5d117e2067e.meta.json'), JSON.stringify({ description: 'research:sync', workflowPhase: 'Research' }))
    h.apply(events[firstStop]!)
    expect(h.byTitle('research:sync')).toMatchObject({ parent_task_id: h.byTitle('Research').id, status: 'completed' })
    expect(h.byTitle('Research').status).toBe('completed')
  })
})

describe('task events', () => {
  const session = () => recording('2.1.332-enable-todo-tools')
  const created = (e: RawEvent): RawEvent => {
    const input = e.tool_input as { subject: string; description?: string }
    const id = (e.tool_response as { task: { id: string } }).task.id
    return { session_id: e.session_id, cwd: e.cwd, prompt_id: e.prompt_id, hook_event_name: 'TaskCreated', task_id: id, task_subject: input.subject, task_description: input.description }
  }

  for (const order of ['before', 'after'] as const) {
    it(`TaskCreated and TaskCompleted ${order} their PostToolUse make one task, moved once`, () => {
      const h = harness()
      const withEvents = session().flatMap((e): RawEvent[] => {
        const extra: RawEvent[] = []
        if (is('PostToolUse', 'TaskCreate')(e)) extra.push(created(e))
        const input = e.tool_input as { status?: string; taskId?: string } | undefined
        if (is('PostToolUse', 'TaskUpdate')(e) && input?.status === 'completed') {
          extra.push({ session_id: e.session_id, cwd: e.cwd, prompt_id: e.prompt_id, hook_event_name: 'TaskCompleted', task_id: input.taskId, task_subject: 'x' })
        }
        return order === 'before' ? [...extra, e] : [e, ...extra]
      })
      const plain = harness()
      feed(plain, session())
      feed(h, withEvents)
      const shape = (x: ReturnType<typeof harness>) => x.tasks().map((t) => `${t.title}: ${t.status}`).sort()
      expect(shape(h)).toEqual(shape(plain))
      const research = h.byTitle('Research current sync system')
      expect(h.store.events(research.id).filter((e) => e.field === 'status').map((e) => e.new_value)).toEqual(
        plain.store.events(plain.byTitle('Research current sync system').id).filter((e) => e.field === 'status').map((e) => e.new_value)
      )
    })
  }
})

describe('turns without a plan', () => {
  it('2.1.332 default: the request stays open when its only agent finishes while the main thread works, and completes at the Stop', () => {
    const h = harness()
    const events = recording('2.1.332-default')
    const request = () => h.tasks().find((t) => t.parent_task_id === null)!
    feed(h, until(events, (e) => String(e.prompt).startsWith('<task-notification>')))
    expect(h.tasks().find((t) => t.title === 'Research NAS sync')!.status).toBe('completed')
    expect(request().status).toBe('in_progress')
    feed(h, until(events, is('Stop')).slice(events.findIndex((e) => String(e.prompt).startsWith('<task-notification>'))))
    expect(request().status).toBe('in_progress')
    expect(request().task_context.blockers_encountered).toHaveLength(1)
    feed(h, events.slice(events.findIndex(is('Stop'))))
    expect(request().status).toBe('completed')
  })

  it('an agent run never completes its parent by roll-up; a sibling step does', () => {
    const h = harness()
    const repo = h.ctx.repo.id
    const step = h.store.createTask(repo, { title: 'Step', status: 'in_progress' }, 'cli')
    const run = h.store.createTask(repo, { title: 'Run', parent_task_id: step.id, status: 'in_progress', task_context: { agent_run: true } }, 'hook')
    h.store.setStatus(run.id, 'completed', 'hook')
    expect(h.store.requireTask(step.id).status).toBe('in_progress')
    const sub = h.store.createTask(repo, { title: 'Sub', parent_task_id: step.id }, 'cli')
    h.store.setStatus(sub.id, 'completed', 'cli')
    expect(h.store.requireTask(step.id).status).toBe('completed')
  })

  it('a Stop while an agent runs in the background leaves the plan step in progress', () => {
    const h = harness()
    const events = capture('2.1.332-plan-mode')
    feed(h, until(events, is('PreToolUse', 'Write', 'toolu_r1')))
    expect(h.byTitle(STEPS[0]!).status).toBe('in_progress')
    expect(h.byTitle(NAS).task_context.turn).toBeUndefined()
  })
})

describe('time', () => {
  it('keeps the duration of tool calls on the task that made them and agent runs as measured runs', () => {
    const h = harness()
    feed(h, capture('2.1.197-plan-mode'))
    expect(h.byTitle(STEPS[1]!).task_context.tool_ms).toBe(34)
    expect(h.byTitle(STEPS[2]!).task_context.tool_ms).toBe(71)
    const run = h.byTitle('Research NAS sync')
    expect(run.task_context.assigned_agents).toEqual([
      { agent: 'general-purpose', status: 'completed', started: run.started_at, completed: run.completed_at, duration_ms: 516 }
    ])
  })
})

describe('idempotency', () => {
  it('applies every event of the interactive captures twice with the same result as once', () => {
    for (const name of ['2.1.332-plan-mode', '2.1.197-plan-mode', '2.1.332-workflow']) {
      const once = harness()
      const twice = harness()
      feed(once, capture(name))
      feed(twice, capture(name).flatMap((e) => [e, e]))
      const shape = (h: ReturnType<typeof harness>) =>
        h.tasks().map((t) => [t.title, t.status, untimed(t.task_context)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      expect(shape(twice), name).toEqual(shape(once))
    }
  })
})

describe('workflow hooks out of order', () => {
  it("adopts an agent whose SubagentStart reached the store before its workflow's PostToolUse", () => {
    const h = harness()
    const dir = join(mkdtempSync(join(tmpdir(), 'tasktrail-workflow-')), 'wf')
    mkdirSync(dir)
    writeFileSync(join(dir, 'journal.jsonl'), JSON.stringify({ type: 'started', agentId: 'a1b20b5d117e2067e', label: 'research:sync', phase: 'Research' }) + '\n')
    const events = capture('2.1.332-workflow').map((e) =>
      is('PostToolUse', 'Workflow')(e) ? { ...e, tool_response: { ...(e.tool_response as object), transcriptDir: dir } } : e
    )
    const launched = events.findIndex(is('PostToolUse', 'Workflow'))
    const started = events.findIndex(is('SubagentStart'))
    feed(h, [...events.slice(0, launched), events[started]!, events[launched]!, ...events.slice(started + 1)])
    expect(h.byTitle('research:sync')).toMatchObject({ parent_task_id: h.byTitle('Research').id, status: 'completed' })
    expect(h.byTitle('Research').status).toBe('completed')
  })
})
