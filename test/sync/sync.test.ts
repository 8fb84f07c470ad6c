// TASKS.md ⇄ store through the built CLI, on real files, real SQLite and real git.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, add } from '../helpers/cli.js'
import { editLine, exported, git, json, lineOf, project, readTasks, show, sync, tasksFile, tasktrail, withLine, writeTasks } from './helpers.js'

/** The merge driver, installed as `tasktrail init` will: git config and .gitattributes. */
function useMergeDriver(box: { project: string }): void {
  git(box.project, 'config', 'merge.tasktrail.driver', `"${process.execPath}" "${CLI}" merge-driver %O %A %B %P`)
  writeFileSync(join(box.project, '.gitattributes'), 'TASKS.md merge=tasktrail\n')
}

/** `tasktrail watch` on the project, once it says it is watching. */
async function startWatch(box: { project: string; env: NodeJS.ProcessEnv }) {
  const watcher = spawn(process.execPath, [CLI, 'watch'], { cwd: box.project, env: box.env })
  let out = ''
  watcher.stdout.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((resolve) => watcher.on('exit', resolve))
  await new Promise<void>((resolve) => watcher.stderr.on('data', (d) => String(d).includes('watching') && resolve()))
  return {
    out: () => out,
    running: () => watcher.exitCode === null,
    stop: () => (watcher.kill('SIGINT'), exited)
  }
}

/** Waits up to 5 s for `what`, then asserts it. */
async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !what(); i++) await new Promise((r) => setTimeout(r, 50))
  expect(what()).toBe(true)
}

// Each step spawns the CLI (a fresh node process): on a busy two-core machine a test takes tens of seconds.
describe('sync through the CLI', { timeout: 120_000 }, () => {
  it('writes a task added with the CLI into a new TASKS.md, and imports a checked box', () => {
    const box = project()
    const id = add(box, 'Write the parser')
    expect(readTasks(box)).toContain('Write the parser')
    expect(readTasks(box)).toContain(id)
    editLine(box, id, (l) => l.replace('[ ]', '[x]'))
    expect(sync(box).report).toMatchObject({ imported: 1, written: 0, conflicts: [] })
    expect(show(box, id).status).toBe('completed')
    expect(sync(box).report).toMatchObject({ imported: 0, written: 0 })
  })

  it('imports hand edits: uncheck, a new line under a parent, rename, delete (recoverable)', () => {
    const box = project()
    const a = add(box, 'Parent task')
    const b = add(box, 'Second task')
    const c = add(box, 'Third task')
    json(box, ['done', b])
    // uncheck
    editLine(box, b, (l) => l.replace('[x]', '[ ]'))
    sync(box)
    expect(show(box, b).status).toBe('pending')
    // new line, indented under a: gets an id and a parent
    const lines = readTasks(box).split('\n')
    const at = lineOf(lines, a)
    const indent = /^(\s*)/.exec(lines[at]!)![1]
    lines.splice(at + 1, 0, `${indent}  - [ ] Hand-written subtask`)
    writeTasks(box, lines.join('\n'))
    expect(sync(box).report.imported).toBe(1)
    const sub = exported(box).find((t) => t.title === 'Hand-written subtask')
    expect(sub.parent_task_id).toBe(a)
    expect(readTasks(box)).toContain(sub.id)
    // rename
    editLine(box, c, (l) => l.replace('Third task', 'Third task, **renamed**'))
    sync(box)
    expect(show(box, c).title).toBe('Third task, **renamed**')
    // delete a line: the open task is cancelled, stays in the store, and reopen brings it back
    const without = readTasks(box).split('\n')
    without.splice(lineOf(without, c), 1)
    writeTasks(box, without.filter((l) => !l.includes(c)).join('\n'))
    sync(box)
    expect(show(box, c).status).toBe('cancelled')
    expect(readTasks(box)).not.toContain(c)
    json(box, ['reopen', c])
    expect(readTasks(box)).toContain(c)
  })

  it('imports hand edits: a changed marker, metadata, indent, outdent, moved lines', () => {
    const box = project()
    const a = add(box, 'Parent task')
    const b = add(box, 'Second task')
    const c = add(box, 'Third task')
    // change a marker, and edit metadata: blocked with a reason, an agent
    editLine(box, c, (l) => l.replace('[ ]', '[!]').replace(/ <!--/, ' [reason:: waiting for review] <!--'))
    editLine(box, b, (l) => l.replace(/ <!--/, ' [agent:: reviewer] <!--'))
    sync(box)
    expect(show(box, c)).toMatchObject({ status: 'blocked', task_context: { blocked_reason: 'waiting for review' } })
    expect(show(box, b).assigned_agent).toBe('reviewer')
    // indent b under a, then outdent it again
    editLine(box, b, (l) => `  ${l}`)
    sync(box)
    expect(show(box, b).parent_task_id).toBe(a)
    editLine(box, b, (l) => l.slice(2))
    sync(box)
    expect(show(box, b).parent_task_id).toBe(null)
    // move c's line above a's: the store's order follows the file
    const moved = readTasks(box).split('\n')
    const [cLine] = moved.splice(lineOf(moved, c), 1)
    moved.splice(lineOf(moved, a), 0, cLine!)
    writeTasks(box, moved.join('\n'))
    sync(box)
    expect(exported(box).filter((t) => t.parent_task_id === null).map((t) => t.id)).toEqual([c, a, b])
  })

  it('keeps concurrent changes to different tasks and settles the same field by the rules, in the log', () => {
    const box = project()
    const a = add(box, 'Task A')
    const b = add(box, 'Task B')
    // Unsynced hand edits, then CLI changes: the CLI imports the edits in the same transaction.
    editLine(box, a, (l) => l.replace('[ ]', '[x]'))
    json(box, ['start', b])
    expect(show(box, a).status).toBe('completed')
    expect(show(box, b).status).toBe('in_progress')
    // Both sides change b's status: the file completes it, the store blocks it; completed is further.
    editLine(box, b, (l) => l.replace(/\[.\]/, '[x]'))
    json(box, ['block', b, '--reason', 'waiting'])
    const shown = show(box, b)
    expect(shown.status).toBe('completed')
    expect(shown.events.filter((e: any) => e.source === 'merge')).toEqual([
      expect.objectContaining({ field: 'status', old_value: 'blocked', new_value: 'completed' })
    ])
    expect(readTasks(box).split('\n')[lineOf(readTasks(box).split('\n'), b)]).toMatch(/\[x\]/i)
  })

  it('refuses conflict markers, an emptied file and a mass removal, writing nothing, and --force goes ahead', () => {
    const box = project()
    const ids = ['one', 'two', 'three', 'four', 'five'].map((t) => add(box, `Task ${t}`))
    const good = readTasks(box)
    writeTasks(box, `<<<<<<< ours\n${good}=======\n${good}>>>>>>> theirs\n`)
    let run = sync(box)
    expect(run.code).toBe(1)
    expect(run.report.refused).toMatch(/conflict markers.*tasktrail sync --force/)
    expect(readTasks(box)).toContain('<<<<<<<')
    writeTasks(box, '')
    run = sync(box)
    expect(run.report.refused).toMatch(/no tasks any more/)
    expect(readTasks(box)).toBe('')
    const lines = good.split('\n')
    writeTasks(box, lines.filter((l) => !ids.slice(0, 3).some((id) => l.includes(id))).join('\n'))
    run = sync(box)
    expect(run.report.refused).toMatch(/3 of the 5 tasks/)
    expect(exported(box).every((t) => t.status === 'pending')).toBe(true)
    run = sync(box, ['--force'])
    expect(run.code).toBe(0)
    expect(exported(box).filter((t) => t.status === 'cancelled')).toHaveLength(3)
  })

  it('refuses a file that does not parse and a missing file, writing nothing; commands still change the store; --force rewrites from the store', () => {
    const box = project()
    const a = add(box, 'Kept task')
    add(box, 'Other task')
    writeTasks(box, `${readTasks(box)}- [ ] stray\0byte\n`)
    let run = sync(box)
    expect(run.code).toBe(1)
    expect(run.report.refused).toMatch(/cannot be read as a task list: .*NUL byte.*tasktrail sync --force/)
    expect(readTasks(box)).toContain('\0')
    const done = tasktrail(box, ['done', a])
    expect(done.code).toBe(0)
    expect(done.stderr).toMatch(/the change is saved in the store, but TASKS.md was not updated: .*tasktrail sync --force/)
    expect(show(box, a).status).toBe('completed')
    expect(readTasks(box)).toContain('\0')
    expect(sync(box, ['--force']).code).toBe(0)
    expect(readFileSync(`${tasksFile(box)}.orig`, 'utf8')).toContain('\0')
    const lines = readTasks(box).split('\n')
    expect(lines[lineOf(lines, a)]).toMatch(/\[x\] Kept task/)
    expect(exported(box).map((t) => t.status).sort()).toEqual(['completed', 'pending'])

    rmSync(tasksFile(box))
    run = sync(box)
    expect(run.report.refused).toMatch(/is missing.*git checkout -- TASKS.md.*tasktrail sync --force/)
    expect(existsSync(tasksFile(box))).toBe(false)
    expect(sync(box, ['--force']).code).toBe(0)
    expect(readTasks(box)).toContain(a)
    expect(exported(box).map((t) => t.status).sort()).toEqual(['completed', 'pending'])
  })

  it('keeps one TASKS.md per git worktree: a task goes into the file of the worktree that made it, its changes reach the others', () => {
    const box = project()
    const a = add(box, 'Made in the main work tree')
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'tasks')
    const linked = join(box.dir, 'linked')
    git(box.project, 'worktree', 'add', '-q', '-b', 'side', linked)
    // The first sync in the new worktree adopts its checked-out file: nothing imported, nothing written.
    expect(sync(box, [], linked).report).toMatchObject({ imported: 0, written: 0 })
    const b = json(box, ['add', 'Made in the linked worktree'], { cwd: linked }).id
    expect(readTasks(box, linked)).toContain(b)
    expect(sync(box).code).toBe(0)
    expect(readTasks(box)).not.toContain(b)
    // One store row for the repository: both work trees list both tasks.
    expect(exported(box).map((t) => t.id).sort()).toEqual([a, b].sort())
    expect(exported(box, linked).map((t) => t.id).sort()).toEqual([a, b].sort())
    // A task both files show, completed in the linked worktree, reaches the main work tree's file at its next sync.
    json(box, ['done', a], { cwd: linked })
    const linkedLines = readTasks(box, linked).split('\n')
    expect(linkedLines[lineOf(linkedLines, a)]).toMatch(/\[x\]/)
    expect(sync(box).report.written).toBe(1)
    const mainLines = readTasks(box).split('\n')
    expect(mainLines[lineOf(mainLines, a)]).toMatch(/\[x\]/)
    expect(readTasks(box)).not.toContain(b)
  })

  it('rebuilds a fresh clone from committed files alone', () => {
    const box = project()
    const a = add(box, 'Parent', '--type', 'implementation', '--agent', 'coder')
    const b = add(box, 'Child', '--parent', a)
    json(box, ['done', b, '--outcome', 'It works'])
    const c = add(box, 'Blocked one')
    json(box, ['block', c, '--reason', 'waiting for the API key'])
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'tasks')
    const clone = join(box.dir, 'clone')
    git(box.dir, 'clone', '-q', box.project, clone)
    const fresh = { ...box, project: clone, env: { ...box.env, TASKTRAIL_HOME: join(box.dir, 'home2') } }
    expect(sync(fresh).code).toBe(0)
    const strip = (tasks: any[]) =>
      tasks
        .map(({ client, project, task_context: { billable, billable_minutes, ...context }, ...rest }) => ({ ...rest, task_context: context }))
        .sort((x, y) => x.id.localeCompare(y.id))
    expect(strip(exported(fresh))).toEqual(strip(exported(box)))
  })

  it('does not read a branch switch as edits, and a merge brings both sides', () => {
    const box = project()
    useMergeDriver(box)
    const base = add(box, 'On main')
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'main tasks')
    git(box.project, 'checkout', '-q', '-b', 'feature')
    const f1 = add(box, 'Feature work')
    json(box, ['done', f1])
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'feature tasks')
    git(box.project, 'checkout', '-q', 'main')
    expect(sync(box).report.refused).toBeUndefined()
    expect(show(box, f1).status).toBe('completed')
    expect(readTasks(box)).not.toContain(f1)
    const m1 = add(box, 'Main work')
    json(box, ['start', base])
    git(box.project, 'add', 'TASKS.md', '.tasktrail')
    git(box.project, 'commit', '-qm', 'main work')
    git(box.project, 'checkout', '-q', 'feature')
    sync(box)
    expect(readTasks(box)).toContain(f1)
    expect(readTasks(box)).not.toContain(m1)
    expect(exported(box)).toHaveLength(3)
    expect(exported(box).filter((t) => t.status === 'cancelled')).toEqual([])
    // The task started on main shows its new status in feature's file too: the store holds the latest state.
    expect(readTasks(box).split('\n')[lineOf(readTasks(box).split('\n'), base)]).toMatch(/\[\/\]/)
    git(box.project, 'commit', '-qam', 'sync on feature')
    // After the merge, main's TASKS.md has both sides' tasks and the store all three, none cancelled.
    git(box.project, 'checkout', '-q', 'main')
    sync(box)
    git(box.project, 'merge', '-q', '--no-edit', 'feature')
    expect(sync(box).code).toBe(0)
    for (const id of [base, f1, m1]) expect(readTasks(box)).toContain(id)
    expect(exported(box).map((t) => t.status).sort()).toEqual(['completed', 'in_progress', 'pending'])
  })

  it('sees a save in watch mode, an atomic save, a delete and recreate, and stops on SIGINT', async () => {
    const box = project()
    const a = add(box, 'Watched task')
    const watch = await startWatch(box)
    editLine(box, a, (l) => l.replace('[ ]', '[x]'))
    await until(() => show(box, a).status === 'completed')
    const temp = join(box.project, '.TASKS.md.swp')
    writeFileSync(temp, withLine(readTasks(box), a, (l) => l.replace('[x]', '[ ]')))
    renameSync(temp, tasksFile(box))
    await until(() => show(box, a).status === 'pending')
    const text = readTasks(box)
    rmSync(tasksFile(box))
    await new Promise((r) => setTimeout(r, 300))
    writeTasks(box, text.replace('Watched task', 'Watched task, renamed'))
    await until(() => show(box, a).title === 'Watched task, renamed')
    expect(await watch.stop()).toBe(0)
    expect(watch.out()).toMatch(/synced: 1 edit imported/)
  })

  it('on a first sync, takes a new line under a task the store does not know yet (a fresh clone, edited)', () => {
    const box = project()
    writeTasks(box, '# Tasks\n\n- [ ] Committed task <!-- t-abcdefg -->\n  - [ ] Added after the clone\n')
    expect(sync(box).code).toBe(0)
    // Sorted: both are first among their siblings and created in the same millisecond, so export orders them by id, a random one here.
    const tasks = exported(box).map((t) => [t.title, t.parent_task_id]).sort()
    expect(tasks).toEqual([
      ['Added after the clone', 't-abcdefg'],
      ['Committed task', null]
    ])
  })

  it('keeps watching when TASKS.md turns into something it must not read, and syncs it once it is a file again', async () => {
    const box = project()
    const a = add(box, 'Watched task')
    const watch = await startWatch(box)
    const text = readTasks(box)
    rmSync(tasksFile(box))
    mkdirSync(tasksFile(box))
    await until(() => watch.out().includes('is a directory'))
    expect(watch.running()).toBe(true)
    rmSync(tasksFile(box), { recursive: true })
    writeTasks(box, withLine(text, a, (l) => l.replace('[ ]', '[x]')))
    await until(() => show(box, a).status === 'completed')
    expect(await watch.stop()).toBe(0)
    expect(watch.out().match(/is a directory/g)).toHaveLength(1)
  })

  it('merges TASKS.md of two branches by task id with the merge driver', () => {
    const box = project()
    const a = add(box, 'Shared task')
    const b = add(box, 'Another')
    useMergeDriver(box)
    git(box.project, 'add', '-A')
    git(box.project, 'commit', '-qm', 'start')
    git(box.project, 'checkout', '-q', '-b', 'other')
    editLine(box, a, (l) => l.replace('[ ]', '[x]'))
    writeTasks(box, readTasks(box) + '- [ ] Added on other\n')
    git(box.project, 'commit', '-qam', 'other')
    git(box.project, 'checkout', '-q', 'main')
    editLine(box, b, (l) => l.replace('Another', 'Another, renamed on main'))
    writeTasks(box, readTasks(box) + '- [ ] Added on main\n')
    git(box.project, 'commit', '-qam', 'main')
    git(box.project, 'merge', '-q', '--no-edit', 'other')
    const merged = readTasks(box)
    expect(merged).not.toContain('<<<<<<<')
    expect(merged).toContain('Added on other')
    expect(merged).toContain('Added on main')
    expect(merged).toContain('Another, renamed on main')
    expect(merged.split('\n')[lineOf(merged.split('\n'), a)]).toMatch(/\[x\]/i)
  })
})
