import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { add, CLI, json, sandbox, tasktrail } from '../helpers/cli.js'

const EXPORT_KEYS = [
  'id', 'parent_task_id', 'title', 'description', 'status', 'task_type', 'assigned_agent',
  'task_context', 'session_id', 'client', 'project', 'created_at', 'started_at', 'completed_at'
]
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

describe('tasktrail add', () => {
  it('adds a task with its fields and prints the export shape with --json', () => {
    const box = sandbox()
    const task = json(box, ['add', 'Review code', '--type', 'review', '--agent', 'Coding Agent', '--description', 'look at the diff', '--client', 'Dataforth'])
    expect(Object.keys(task).sort()).toEqual([...EXPORT_KEYS].sort())
    expect(task).toMatchObject({
      title: 'Review code', status: 'pending', task_type: 'review', assigned_agent: 'Coding Agent',
      description: 'look at the diff', client: 'Dataforth', project: null, parent_task_id: null,
      task_context: {}, started_at: null, completed_at: null
    })
    expect(task.id).toMatch(/^t-[0-9a-z]{7}$/)
    expect(task.created_at).toMatch(ISO)
  })

  it('nests a task under a parent given by an id prefix', () => {
    const box = sandbox()
    const parent = add(box, 'Parent')
    const child = json(box, ['add', 'Child', '--parent', parent.slice(0, 5)])
    expect(child.parent_task_id).toBe(parent)
    expect(tasktrail(box, ['list']).stdout).toBe(`- [ ] Parent  ${parent}\n  - [ ] Child  ${child.id}\n`)
  })

  it('refuses an unknown type, listing the valid ones, with exit 2', () => {
    const box = sandbox()
    const run = tasktrail(box, ['add', 'X', '--type', 'coding'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('tasktrail: "coding" is not a task type; valid types: implementation, research, review, testing, deployment, documentation, bugfix, analysis\n')
    expect(json(box, ['list', '--all']).tasks).toEqual([])
  })

  it('refuses an empty or multi-line title and an unknown option', () => {
    const box = sandbox()
    expect(tasktrail(box, ['add', '  ']).code).toBe(2)
    expect(tasktrail(box, ['add', 'a\nb']).code).toBe(2)
    const unknown = tasktrail(box, ['add', 'a', '--colour', 'red'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/)
    expect(unknown.stderr).toMatch(/usage: tasktrail add TITLE/)
  })
})

describe('status verbs', () => {
  it('set and clear the timestamps as the task moves', () => {
    const box = sandbox()
    const id = add(box, 'Generate code')
    const started = json(box, ['start', id, '--agent', 'Coding Agent'])
    expect(started).toMatchObject({ status: 'in_progress', assigned_agent: 'Coding Agent', completed_at: null })
    expect(started.started_at).toMatch(ISO)
    const done = json(box, ['done', id, '--outcome', 'script written'])
    expect(done).toMatchObject({ status: 'completed', started_at: started.started_at, task_context: { outcome: 'script written' } })
    expect(done.completed_at).toMatch(ISO)
    const reopened = json(box, ['reopen', id])
    expect(reopened).toMatchObject({ status: 'pending', started_at: started.started_at, completed_at: null })
    const cancelled = json(box, ['cancel', id])
    expect(cancelled).toMatchObject({ status: 'cancelled', completed_at: null })
  })

  it('block needs a reason, keeps it, and start clears it', () => {
    const box = sandbox()
    const id = add(box, 'Deploy')
    const noReason = tasktrail(box, ['block', id])
    expect(noReason.code).toBe(2)
    expect(noReason.stderr).toMatch(/--reason/)
    expect(json(box, ['block', id, '--reason', 'waiting for credentials'])).toMatchObject({
      status: 'blocked', task_context: { blocked_reason: 'waiting for credentials' }
    })
    expect(tasktrail(box, ['list']).stdout).toBe(`- [!] Deploy (blocked: waiting for credentials)  ${id}\n`)
    expect(json(box, ['start', id]).task_context).toEqual({})
  })

  it('refuse moves the status machine does not allow, saying what to do, with exit 1', () => {
    const box = sandbox()
    const id = add(box, 'A')
    tasktrail(box, ['done', id])
    const again = tasktrail(box, ['done', id])
    expect(again.code).toBe(1)
    expect(again.stderr).toBe(`tasktrail: ${id} is already completed\n`)
    const start = tasktrail(box, ['start', id])
    expect(start.stderr).toBe(`tasktrail: ${id} is completed; reopen it first: tasktrail reopen ${id}\n`)
    expect(json(box, ['show', id]).status).toBe('completed')
  })

  it('log every change with its source', () => {
    const box = sandbox()
    const id = add(box, 'A')
    tasktrail(box, ['start', id])
    tasktrail(box, ['done', id])
    const events = json(box, ['show', id]).events as Array<{ field: string; old_value: string | null; new_value: string | null; source: string }>
    expect(events.map((e) => [e.field, e.old_value, e.new_value, e.source])).toEqual([
      ['created', null, 'A', 'cli'],
      ['status', 'pending', 'in_progress', 'cli'],
      ['started_at', null, expect.stringMatching(ISO), 'cli'],
      ['status', 'in_progress', 'completed', 'cli'],
      ['completed_at', null, expect.stringMatching(ISO), 'cli']
    ])
  })
})

describe('roll-up', () => {
  it('starts a pending parent when a child starts and completes it when every child is done', () => {
    const box = sandbox()
    const parent = add(box, 'Parent')
    const a = add(box, 'A', '--parent', parent)
    const b = add(box, 'B', '--parent', parent)
    tasktrail(box, ['start', a])
    expect(json(box, ['show', parent]).status).toBe('in_progress')
    tasktrail(box, ['done', a])
    expect(json(box, ['show', parent]).status).toBe('in_progress')
    tasktrail(box, ['cancel', b])
    const done = json(box, ['show', parent])
    expect(done.status).toBe('completed')
    expect(done.events.at(-2)).toMatchObject({ field: 'status', new_value: 'completed', note: 'roll-up: every subtask is done' })
  })

  it('does not complete a parent whose children were all cancelled', () => {
    const box = sandbox()
    const parent = add(box, 'Parent')
    tasktrail(box, ['cancel', add(box, 'A', '--parent', parent)])
    expect(json(box, ['show', parent]).status).toBe('pending')
  })

  it('climbs through grandparents, and can be turned off per project', () => {
    const box = sandbox()
    const top = add(box, 'Top')
    const mid = add(box, 'Mid', '--parent', top)
    const leaf = add(box, 'Leaf', '--parent', mid)
    tasktrail(box, ['done', leaf])
    expect(json(box, ['show', top]).status).toBe('completed')

    expect(tasktrail(box, ['rollup', 'off']).stdout).toBe(`roll-up is off for ${box.project}\n`)
    const other = add(box, 'Other')
    tasktrail(box, ['done', add(box, 'Only child', '--parent', other)])
    expect(json(box, ['show', other]).status).toBe('pending')
    expect(json(box, ['rollup']).rollup).toBe(false)
  })
})

describe('reading', () => {
  it('list prints the design checklist, hiding finished trees unless --all', () => {
    const box = sandbox()
    const request = add(box, 'Set up monitoring')
    const analyze = add(box, 'Analyze requirements', '--parent', request)
    const generate = add(box, 'Generate code', '--parent', request)
    const review = add(box, 'Review code', '--parent', request)
    const old = add(box, 'Old work')
    tasktrail(box, ['done', analyze])
    tasktrail(box, ['start', generate, '--agent', 'Coding Agent'])
    tasktrail(box, ['done', old])
    const expected = [
      `- [→] Set up monitoring (in progress)  ${request}`,
      `  - [✓] Analyze requirements (completed)  ${analyze}`,
      `  - [→] Generate code (in progress - Coding Agent)  ${generate}`,
      `  - [ ] Review code  ${review}`
    ]
    expect(tasktrail(box, ['list']).stdout).toBe(expected.join('\n') + '\n')
    expect(tasktrail(box, ['list', '--all']).stdout).toBe([...expected, `- [✓] Old work (completed)  ${old}`].join('\n') + '\n')
    expect(json(box, ['list', '--status', 'completed']).tasks.map((t: { id: string }) => t.id)).toEqual([analyze, old])
    const bad = tasktrail(box, ['list', '--status', 'finished'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('tasktrail: "finished" is not a status; use one of: todo, in-progress (or wip), blocked, done, cancelled (or pending, in_progress, blocked, completed, cancelled)\n')
  })

  it('list filters by client and project across repositories', () => {
    const box = sandbox()
    add(box, 'For Dataforth', '--client', 'Dataforth')
    add(box, 'For the app', '--project', 'App')
    add(box, 'Plain')
    expect(json(box, ['list', '--client', 'Dataforth']).tasks.map((t: { title: string }) => t.title)).toEqual(['For Dataforth'])
    expect(json(box, ['list', '--project', 'App']).tasks.map((t: { title: string }) => t.title)).toEqual(['For the app'])
    expect(json(box, ['list', '--normal']).tasks.map((t: { title: string }) => t.title)).toEqual(['Plain'])
  })

  it('show prints the detailed view with the overall status and sections', () => {
    const box = sandbox()
    const request = add(box, 'Set up monitoring')
    const a = add(box, 'Research', '--parent', request, '--type', 'research')
    const b = add(box, 'Implement', '--parent', request)
    add(box, 'Deploy', '--parent', request)
    const c = add(box, 'Obsolete', '--parent', request)
    tasktrail(box, ['start', a, '--agent', 'explorer'])
    tasktrail(box, ['done', a, '--outcome', 'found the sync script'])
    tasktrail(box, ['start', b])
    tasktrail(box, ['cancel', c])
    const out = tasktrail(box, ['show', request]).stdout
    expect(out).toMatch(/^Set up monitoring  t-\w+\nOverall Status: In Progress \(1 of 3 complete\)\n/)
    expect(out).toMatch(new RegExp(`\nCompleted ✓\n  - Research \\(completed\\)  ${a}\n    research · explorer · \\d+s\n    Outcome: found the sync script\n`))
    expect(out).toContain(`\nIn Progress →\n  - Implement (in progress)  ${b}\n`)
    expect(out).toContain('\nPending\n  - Deploy  ')
    expect(out).toContain(`\nCancelled\n  - Obsolete (cancelled)  ${c}\n`)
  })

  it('status summarises the project', () => {
    const box = sandbox()
    const a = add(box, 'A')
    add(box, 'B')
    tasktrail(box, ['done', a])
    expect(json(box, ['status'])).toMatchObject({
      project: box.project, total: 2, percent_complete: 50,
      counts: { pending: 1, in_progress: 0, blocked: 0, completed: 1, cancelled: 0 }
    })
    expect(tasktrail(box, ['status']).stdout).toBe(`${box.project}: 1 of 2 complete (50%)\n1 pending, 1 completed\n`)
  })

  it('an unknown id lists recent tasks and an ambiguous prefix lists the candidates', () => {
    const box = sandbox()
    const ids = Array.from({ length: 12 }, (_, i) => add(box, `Task ${i}`))
    // With this tasktrail on the PATH, as `npm install -g` leaves it.
    const bin = join(box.dir, 'bin')
    mkdirSync(bin)
    symlinkSync(CLI, join(bin, 'tasktrail'))
    const unknown = tasktrail(box, ['show', 't-zzzzzzzzz'], { env: { PATH: `${bin}:${process.env.PATH}` } })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.split('\n')[0]).toBe('tasktrail: no task has an id starting with "t-zzzzzzzzz"; see tasktrail list --all')
    expect(unknown.stderr).toContain('recent tasks:')
    const ambiguous = tasktrail(box, ['show', 't-'], { env: { PATH: `${bin}:${process.env.PATH}` } })
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(/^tasktrail: "t-" matches more than one task; give more of the id; see tasktrail list --all\ncandidates:\n  t-/)
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(12)
    expect(ids).toHaveLength(12)
  })

  it("names the command by the CLI's full path where tasktrail on the PATH is not this one (a plugin's CLI)", () => {
    const box = sandbox()
    const id = add(box, 'Task')
    const cli = `node '${CLI}'`
    expect(tasktrail(box, ['show', 'zzzz']).stderr.split('\n')[0]).toBe(`tasktrail: no task has an id starting with "t-zzzz"; see ${cli} list --all`)
    expect(tasktrail(box, ['done', id]).code).toBe(0)
    expect(tasktrail(box, ['list']).stdout).toBe(`nothing open; ${cli} list --all shows every task\n`)
    expect(tasktrail(box, ['report', '--client', 'Nobody']).stderr).toBe(`tasktrail: no client is named "Nobody"; ${cli} clients lists them\n`)
  })

  it('reports unknown commands and wrong argument counts as usage errors', () => {
    const box = sandbox()
    expect(tasktrail(box, ['frobnicate'])).toMatchObject({ code: 2, stderr: 'tasktrail: unknown command "frobnicate"; run tasktrail help for the list\n' })
    expect(tasktrail(box, ['done'])).toMatchObject({ code: 2, stderr: 'tasktrail: done takes 1 argument, got 0\nusage: tasktrail done ID [--outcome TEXT]\n' })
    expect(tasktrail(box, ['help']).stdout).toContain('  done     mark a task completed\n')
  })
})

describe('export and import', () => {
  it('export --json prints version 1 and exactly the documented keys', () => {
    const box = sandbox()
    const parent = add(box, 'P', '--project', 'App')
    add(box, 'C', '--parent', parent, '--type', 'testing')
    const exported = json(box, ['export'])
    expect(exported.version).toBe(1)
    expect(exported.tasks).toHaveLength(2)
    for (const task of exported.tasks) expect(Object.keys(task).sort()).toEqual([...EXPORT_KEYS].sort())
  })

  it('import rebuilds the same tasks in another store, and a second import changes nothing', () => {
    const box = sandbox()
    const parent = add(box, 'Request', '--client', 'Dataforth')
    const child = add(box, 'Child', '--parent', parent, '--agent', 'explorer')
    tasktrail(box, ['start', child])
    tasktrail(box, ['block', child, '--reason', 'no access'])
    const file = join(box.dir, 'export.json')
    writeFileSync(file, tasktrail(box, ['export', '--json']).stdout)

    const other = sandbox()
    expect(json(other, ['import', file])).toEqual({ created: 2, updated: 0, unchanged: 0 })
    expect(json(other, ['export']).tasks).toEqual(json(box, ['export']).tasks)
    expect(json(other, ['import', file])).toEqual({ created: 0, updated: 0, unchanged: 2 })
    const events = json(other, ['show', child]).events.length
    tasktrail(other, ['import', file])
    expect(json(other, ['show', child]).events.length).toBe(events)
  })

  it('import refuses a bad file, naming the task and field, and imports nothing', () => {
    const box = sandbox()
    const file = join(box.dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ version: 1, tasks: [
      { id: 't-aaaaaaa', title: 'ok', status: 'pending', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 't-bbbbbbb', title: 'bad', status: 'finished', created_at: '2026-01-01T00:00:00.000Z' }
    ] }))
    const run = tasktrail(box, ['import', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`tasktrail: cannot import ${file}: task 2 (t-bbbbbbb): has status "finished"; valid: pending, in_progress, blocked, completed, cancelled; nothing was imported\n`)
    expect(json(box, ['list', '--all']).tasks).toEqual([])
    writeFileSync(file, '{ not json')
    expect(tasktrail(box, ['import', file]).code).toBe(1)
  })
})

describe('the store location', () => {
  it('honours --db and TASKTRAIL_DB over TASKTRAIL_HOME', () => {
    const box = sandbox()
    const db = join(box.dir, 'elsewhere.db')
    add(box, 'in home')
    // A store that meets this project's TASKS.md adopts its tasks, as a fresh clone's would.
    expect(json(box, ['list', '--db', db]).tasks.map((t: { title: string }) => t.title)).toEqual(['in home'])
    const other = join(box.dir, 'other')
    spawnSync('git', ['init', '-q', other])
    tasktrail(box, ['add', 'in env db'], { env: { TASKTRAIL_DB: db }, cwd: other })
    expect(json(box, ['list', '--db', db], { cwd: other }).tasks.map((t: { title: string }) => t.title)).toEqual(['in env db'])
    expect(json(box, ['list']).tasks.map((t: { title: string }) => t.title)).toEqual(['in home'])
  })

  it('acts on the git work tree containing the directory, or -C DIR', () => {
    const box = sandbox()
    add(box, 'at the root')
    const nested = join(box.project, 'src', 'deep')
    mkdirSync(nested, { recursive: true })
    expect(json(box, ['list'], { cwd: nested }).tasks.map((t: { title: string }) => t.title)).toEqual(['at the root'])
    expect(json(box, ['list', '-C', box.dir]).tasks).toEqual([])
  })
})

describe('roll-up when tasks arrive in bulk', () => {
  it('a fresh store reading TASKS.md does not complete a parent whose first subtask is done', () => {
    const box = sandbox()
    writeFileSync(join(box.project, 'TASKS.md'), '- [/] Parent <!-- t-aaaaaaa -->\n  - [x] Done first <!-- t-bbbbbbb -->\n  - [ ] Still open <!-- t-ccccccc -->\n')
    expect(tasktrail(box, ['sync']).code).toBe(0)
    expect(json(box, ['show', 't-aaaaaaa']).status).toBe('in_progress')
  })
})

describe('what people type and read', () => {
  it('-C DIR and --db PATH work before the command, as the usage line has them, and after it', () => {
    const box = sandbox()
    const db = join(box.dir, 'other.db')
    expect(tasktrail(box, ['-C', box.project, '--db', db, 'add', 'Before'], { cwd: box.dir }).code).toBe(0)
    expect(tasktrail(box, ['add', 'After', '-C', box.project, '--db', db], { cwd: box.dir }).code).toBe(0)
    expect(tasktrail(box, [`--db=${db}`, `-C${box.project}`, 'list'], { cwd: box.dir }).stdout).toMatch(/^- \[ \] Before {2}t-\w+\n- \[ \] After {2}t-\w+\n$/)
    expect(existsSync(join(box.env.TASKTRAIL_HOME!, 'tasks.db'))).toBe(false)
    expect(tasktrail(box, ['-C', box.project])).toMatchObject({ code: 2, stdout: expect.stringContaining('usage: tasktrail [-C DIR] [--db PATH] COMMAND') })
  })

  it('status words as people type them, and ids with or without t-', () => {
    const box = sandbox()
    const ids = ['Done', 'Doing', 'Waiting', 'Dropped', 'Later'].map((title) => add(box, title))
    const [done, doing, waiting, dropped] = ids.map((id) => id.replace(/^t-/, ''))
    expect(tasktrail(box, ['done', done!]).stdout).toBe(`${ids[0]} completed  Done\n`)
    expect(tasktrail(box, ['start', doing!.toUpperCase()]).code).toBe(0)
    expect(tasktrail(box, ['block', waiting!.slice(0, 5), '--reason', 'a reply']).code).toBe(0)
    expect(tasktrail(box, ['cancel', `t-${dropped}`]).code).toBe(0)
    const titles = (status: string) => json(box, ['list', '--status', status]).tasks.map((t: { title: string }) => t.title)
    expect(['done', 'completed', 'Done'].map(titles)).toEqual([['Done'], ['Done'], ['Done']])
    expect(['in-progress', 'in progress', 'wip', 'in_progress'].map(titles)).toEqual([['Doing'], ['Doing'], ['Doing'], ['Doing']])
    expect(['todo', 'pending'].map(titles)).toEqual([['Later'], ['Later']])
    expect(['blocked', 'cancelled', 'canceled'].map(titles)).toEqual([['Waiting'], ['Dropped'], ['Dropped']])
  })

  it('show prints local times, --json ISO ones; failures on a task that is not blocked are failures', () => {
    const box = sandbox()
    const task = {
      id: 't-aaaaaaa', parent_task_id: null, title: 'Deploy', description: null, status: 'in_progress', task_type: null,
      assigned_agent: null, task_context: { blockers_encountered: ['Bash `exit 3`: Exit code 3'] }, session_id: null,
      client: null, project: null, created_at: '2026-07-01T22:30:00.000Z', started_at: '2026-07-01T22:45:00.000Z', completed_at: null
    }
    writeFileSync(join(box.dir, 'tasks.json'), JSON.stringify({ version: 1, tasks: [task] }))
    expect(tasktrail(box, ['import', join(box.dir, 'tasks.json')]).code).toBe(0)
    const shown = tasktrail(box, ['show', 'aaaaaaa'], { env: { TZ: 'Asia/Tokyo' } }).stdout
    expect(shown).toContain('Created: 2026-07-02 07:30  Started: 2026-07-02 07:45\n')
    expect(shown).toContain('Failures: Bash `exit 3`: Exit code 3\n')
    expect(json(box, ['show', 'aaaaaaa'])).toMatchObject({ created_at: '2026-07-01T22:30:00.000Z' })
    tasktrail(box, ['block', 'aaaaaaa', '--reason', 'the server is down'])
    expect(tasktrail(box, ['show', 'aaaaaaa']).stdout).toContain('Blockers: Bash `exit 3`: Exit code 3\n')
  })

  it('reading commands take in hand edits and a fresh clone\'s TASKS.md first', () => {
    const box = sandbox()
    writeFileSync(join(box.project, 'TASKS.md'), '# Tasks\n\n- [/] Cloned parent <!-- t-aaaaaaa -->\n  - [ ] Second <!-- t-ccccccc -->\n  - [x] First <!-- t-bbbbbbb -->\n')
    expect(tasktrail(box, ['list']).stdout).toBe('- [→] Cloned parent (in progress)  t-aaaaaaa\n  - [ ] Second  t-ccccccc\n  - [✓] First (completed)  t-bbbbbbb\n')
    writeFileSync(join(box.project, 'TASKS.md'), '# Tasks\n\n- [/] Cloned parent <!-- t-aaaaaaa -->\n  - [x] Second <!-- t-ccccccc -->\n  - [x] First <!-- t-bbbbbbb -->\n- [ ] Typed by hand\n')
    expect(tasktrail(box, ['show', 'ccccccc']).stdout).toContain('Overall Status: Completed')
    expect(json(box, ['status'])).toMatchObject({ total: 4 })
    expect(json(box, ['export']).tasks.map((t: { title: string }) => t.title)).toContain('Typed by hand')
  })
})
