// Issue 19: what syncing real-world checklists found, each case through the built CLI in a
// fresh git repository, as a person meets it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exported, git, json, project, readTasks, sync, tasktrail, writeTasks } from './helpers.js'

const idsIn = (text: string) => [...text.matchAll(/<!-- (t-[0-9a-z]+) -->/g)].map((m) => m[1]!)

describe('real-world checklists through the CLI', { timeout: 120_000 }, () => {
  it('imports a save that ticks 300 boxes at once, and the sync after it', () => {
    const box = project()
    writeTasks(box, ['# Tasks', '', ...Array.from({ length: 300 }, (_, i) => `- [ ] task ${i + 1}`), ''].join('\n'))
    expect(sync(box).report).toMatchObject({ imported: 300 })
    writeTasks(box, readTasks(box).replaceAll('- [ ]', '- [x]'))
    const ticked = sync(box)
    expect(ticked.stderr).toBe('')
    expect(ticked.report).toMatchObject({ imported: 300, conflicts: [] })
    expect(exported(box).every((t) => t.status === 'completed')).toBe(true)
    expect(sync(box).report).toMatchObject({ imported: 0, written: 0 })
  })

  it('adopts every marker as written on a first sync: no parent is started or completed for its subtasks', () => {
    const box = project()
    const text = '# Tasks\n\n- [ ] parent\n  - [/] child in progress\n- [ ] other parent\n  - [x] done child\n'
    writeTasks(box, text)
    expect(sync(box).report).toMatchObject({ imported: 4, written: 0 })
    expect(readTasks(box).replace(/ <!-- t-[0-9a-z]+ -->/g, '')).toBe(text)
    const status = new Map(exported(box).map((t) => [t.title, t.status]))
    expect([...status].sort()).toEqual([
      ['child in progress', 'in_progress'], ['done child', 'completed'], ['other parent', 'pending'], ['parent', 'pending']
    ])
  })

  it('makes a line duplicated with its id a new task with an id of its own', () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] write the report [type:: documentation]\n  - [ ] outline\n')
    sync(box)
    const [parent, child] = idsIn(readTasks(box))
    const block = readTasks(box).split('\n').slice(2, 4).join('\n')
    writeTasks(box, `${readTasks(box)}${block.replace('write the report', 'write the summary')}\n`)
    const run = sync(box)
    expect(run.code).toBe(0)
    expect(run.report).toMatchObject({ imported: 2, conflicts: [] })
    const ids = idsIn(readTasks(box))
    expect(ids.slice(0, 2)).toEqual([parent, child])
    expect(new Set(ids).size).toBe(4)
    const tasks = exported(box)
    const copy = tasks.find((t) => t.title === 'write the summary')
    expect(copy).toMatchObject({ id: ids[2], task_type: 'documentation', parent_task_id: null })
    expect(tasks.find((t) => t.id === ids[3])).toMatchObject({ title: 'outline', parent_task_id: ids[2] })
    expect(tasks.find((t) => t.id === parent).title).toBe('write the report')
  })

  it('counts a reorder-only hand edit as the lines moved', () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] one\n- [ ] two\n- [ ] three\n- [ ] four\n')
    sync(box)
    const lines = readTasks(box).split('\n')
    // `four` moved to the top: one line moved, though every position changed.
    writeTasks(box, [...lines.slice(0, 2), lines[5], ...lines.slice(2, 5), ''].join('\n'))
    expect(sync(box).report).toMatchObject({ imported: 1, written: 0 })
    expect(json(box, ['list']).tasks.map((t: { title: string }) => t.title)).toEqual(['four', 'one', 'two', 'three'])
    expect(sync(box).report).toMatchObject({ imported: 0 })
  })

  it('says so when a command is settled otherwise by a hand edit merged in the same sync', () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] ship it\n')
    sync(box)
    const [id] = idsIn(readTasks(box))
    writeTasks(box, readTasks(box).replace('[ ]', '[x]'))
    const run = tasktrail(box, ['start', id!])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`${id} completed  ship it\n`)
    expect(run.stderr).toContain('the sync settled a conflict')
    expect(run.stderr).toContain(`${id} status: both changed the status: the further one wins`)
    expect(json(box, ['show', id!]).status).toBe('completed')
  })

  it('writes an id before a hard break, so GitHub still breaks the line', () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] first line\\\n  second line\n- [ ] spaces  \n  more\n')
    sync(box)
    expect(readTasks(box)).toMatch(/^- \[ \] first line <!-- t-[0-9a-z]+ -->\\\n {2}second line\n- \[ \] spaces <!-- t-[0-9a-z]+ --> {2}\n/m)
    expect(exported(box).map((t) => t.title)).toEqual(['first line', 'spaces'])
  })

  it("orders a fresh clone's tasks as TASKS.md does, in list and export", () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] zebra\n- [ ] apple\n  - [ ] second\n  - [ ] first\n- [ ] mango\n')
    sync(box)
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'tasks')
    const clone = join(box.dir, 'clone')
    git(box.dir, 'clone', '-q', box.project, clone)
    const fresh = { ...box, project: clone, env: { ...box.env, TASKTRAIL_HOME: join(box.dir, 'home2') } }
    expect(sync(fresh).report).toMatchObject({ imported: 5, written: 0 })
    const titles = (b: typeof box) => json(b, ['list']).tasks.map((t: { title: string }) => t.title)
    expect(titles(fresh)).toEqual(['zebra', 'apple', 'second', 'first', 'mango'])
    expect(exported(fresh).map((t) => t.id)).toEqual(exported(box).map((t) => t.id))
    expect(tasktrail(fresh, ['list']).stdout).toBe(tasktrail(box, ['list']).stdout)
  })

  it("takes a fresh clone's titles, statuses and nesting from TASKS.md when a hand edit left the progress files behind", () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] ship it\n  - [ ] write the docs\n- [/] review\n- [ ] wait for the window\n')
    sync(box)
    // Ticked, reworded, moved and blocked by hand and committed without a sync: the progress files say otherwise.
    const [ship, docs, review, wait] = idsIn(readTasks(box))
    writeTasks(box, `# Tasks\n\n- [x] ship it <!-- ${ship} -->\n- [x] write the user docs <!-- ${docs} -->\n- [ ] review <!-- ${review} -->\n- [!] wait for the window [reason:: change freeze] <!-- ${wait} -->\n`)
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'tasks')
    const clone = join(box.dir, 'clone')
    git(box.dir, 'clone', '-q', box.project, clone)
    const fresh = { ...box, project: clone, env: { ...box.env, TASKTRAIL_HOME: join(box.dir, 'home2') } }
    sync(fresh)
    const tasks = new Map(exported(fresh).map((t) => [t.id, t]))
    expect([ship, docs, review, wait].map((id) => [tasks.get(id!)!.title, tasks.get(id!)!.status, tasks.get(id!)!.parent_task_id])).toEqual([
      ['ship it', 'completed', null], ['write the user docs', 'completed', null], ['review', 'pending', null], ['wait for the window', 'blocked', null]
    ])
    expect(tasks.get(review!)!.started_at).toBeNull()
    expect(tasks.get(wait!)!.task_context.blocked_reason).toBe('change freeze')
    expect(sync(fresh).report).toMatchObject({ imported: 0, written: 0 })
    // The clone's progress files now say what TASKS.md says.
    expect(readFileSync(join(clone, '.tasktrail', 'tasks', `${ship}.md`), 'utf8')).toContain('- status: completed')
  })

  it('restores tasks whose progress files name each other as parent, the loop broken at the first', () => {
    const box = project()
    writeTasks(box, '# Tasks\n')
    const dir = join(box.project, '.tasktrail', 'tasks')
    mkdirSync(dir, { recursive: true })
    const record = (id: string, parent: string) => `# ${id} · task ${id}\n\n## Task\n\n- title: task ${id}\n- status: cancelled\n- parent_task_id: ${parent}\n`
    writeFileSync(join(dir, 't-aaaaaaa.md'), record('t-aaaaaaa', 't-bbbbbbb'))
    writeFileSync(join(dir, 't-bbbbbbb.md'), record('t-bbbbbbb', 't-aaaaaaa'))
    expect(sync(box).report).toMatchObject({ imported: 2 })
    expect(exported(box).map((t) => [t.id, t.parent_task_id, t.status])).toEqual([['t-aaaaaaa', null, 'cancelled'], ['t-bbbbbbb', 't-aaaaaaa', 'cancelled']])
  })
})
