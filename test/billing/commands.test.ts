import { mkdirSync, realpathSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { add, CLI, json, sandbox, tasktrail } from '../helpers/cli.js'

/** How the messages name this CLI, which is on no PATH here. */
const NAMED = `node '${CLI}'`

describe('tasktrail link', () => {
  it('links the repository to a client, a project or neither, and new tasks carry it', () => {
    const box = sandbox()
    expect(tasktrail(box, ['link']).stdout).toBe(`${box.project} is linked to no client or project (Normal mode)\n`)
    expect(tasktrail(box, ['link', '--client', 'Dataforth']).stdout).toBe(
      `${box.project} is now linked to client Dataforth (MSP mode: completed tasks become work items for Dataforth)\nNew tasks here carry this link; tasks already here keep theirs.\n`
    )
    expect(json(box, ['add', 'MSP task'])).toMatchObject({ client: 'Dataforth', project: null })
    expect(json(box, ['link', '--project', 'Website'])).toEqual({ repository: box.project, mode: 'development', client: null, project: 'Website' })
    expect(json(box, ['add', 'Dev task'])).toMatchObject({ client: null, project: 'Website' })
    expect(json(box, ['link', '--none'])).toMatchObject({ mode: 'normal', client: null, project: null })
    expect(json(box, ['add', 'Normal task'])).toMatchObject({ client: null, project: null })
    expect(json(box, ['list', '--normal']).tasks.map((t: { title: string }) => t.title)).toEqual(['Normal task'])
    expect(json(box, ['list', '--client', 'Dataforth']).tasks.map((t: { title: string }) => t.title)).toEqual(['MSP task'])
  })

  it('is shared by the worktrees of a repository and writes nothing into it', () => {
    const box = sandbox()
    const git = (...args: string[]) => spawnSync('git', ['-C', box.project, ...args], { encoding: 'utf8' })
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'init')
    const worktree = join(box.dir, 'wt')
    git('worktree', 'add', '-q', worktree)
    tasktrail(box, ['link', '--client', 'Dataforth'])
    expect(json(box, ['link'], { cwd: worktree })).toMatchObject({ repository: realpathSync(worktree), client: 'Dataforth' })
    expect(git('status', '--porcelain', '--ignored').stdout).toBe('')
  })

  it('puts tasks outside any repository in Normal mode, in the tasktrail home', () => {
    const box = sandbox()
    const elsewhere = join(box.dir, 'elsewhere')
    mkdirSync(elsewhere)
    expect(json(box, ['link'], { cwd: elsewhere })).toMatchObject({ repository: join(box.dir, 'home'), mode: 'normal' })
    json(box, ['add', 'Loose end'], { cwd: elsewhere })
    expect(json(box, ['list', '--normal']).tasks.map((t: { title: string }) => t.title)).toEqual(['Loose end'])
  })

  it('refuses two modes at once and an empty name, keeping the link', () => {
    const box = sandbox()
    tasktrail(box, ['link', '--client', 'Dataforth'])
    expect(tasktrail(box, ['link', '--client', 'A', '--none'])).toMatchObject({ code: 2, stderr: 'tasktrail: give one of --client, --project and --none\n' })
    expect(tasktrail(box, ['link', '--client', ' '])).toMatchObject({ code: 2, stderr: 'tasktrail: the client name must be one non-empty line; the link was left as it was\n' })
    expect(json(box, ['link']).client).toBe('Dataforth')
  })
})

describe('tasktrail clients and projects', () => {
  it('list open and completed tasks and billable minutes, and set a client\'s rounding', () => {
    const box = sandbox()
    expect(tasktrail(box, ['clients']).stdout).toBe(`no clients yet; link a repository with ${NAMED} link --client NAME\n`)
    tasktrail(box, ['link', '--client', 'Dataforth'])
    expect(tasktrail(box, ['clients', '--set', 'Dataforth', '--increment', '15', '--minimum', '30', '--round', 'nearest']).stdout).toBe(
      'Dataforth: round to nearest to 15 min, minimum 30 min; applies to work items made from now on\n'
    )
    const a = add(box, 'Done quickly')
    add(box, 'Still open')
    tasktrail(box, ['done', a])
    tasktrail(box, ['bill', a, '--minutes', '45'])
    expect(json(box, ['clients'])).toEqual({
      clients: [{ name: 'Dataforth', open: 1, completed: 1, work_items: 1, billable_minutes: 45, rounding: { increment_minutes: 15, minimum_minutes: 30, rounding: 'nearest' } }]
    })
    expect(tasktrail(box, ['clients']).stdout).toBe('Dataforth: 1 open, 1 completed, 45 min billable in 1 work item (round to nearest to 15 min, minimum 30 min)\n')
    tasktrail(box, ['link', '--project', 'Website'])
    tasktrail(box, ['done', add(box, 'Page')])
    expect(json(box, ['projects'])).toEqual({ projects: [{ name: 'Website', open: 0, completed: 1, active_minutes: 0, billable_minutes: 0 }] })
    expect(tasktrail(box, ['projects']).stdout).toBe('Website: 0 open, 1 completed, 0 min measured, 0 min billable\n')
  })

  it('refuse a bad rounding setting with the valid values', () => {
    const box = sandbox()
    expect(tasktrail(box, ['clients', '--set', 'X', '--round', 'down'])).toMatchObject({ code: 2, stderr: 'tasktrail: --round takes up or nearest, not "down"\n' })
    expect(tasktrail(box, ['clients', '--set', 'X', '--increment', '0'])).toMatchObject({ code: 2, stderr: 'tasktrail: --increment takes a whole number of minutes, 1 or more; got "0"\n' })
    expect(tasktrail(box, ['clients', '--increment', '6'])).toMatchObject({ code: 2, stderr: 'tasktrail: --increment, --minimum and --round need --set NAME\n' })
    expect(json(box, ['clients']).clients).toEqual([])
  })
})

describe('tasktrail bill', () => {
  it('overrides the minutes, marks a task not billable and goes back to the measured time', () => {
    const box = sandbox()
    tasktrail(box, ['link', '--client', 'Dataforth'])
    tasktrail(box, ['clients', '--set', 'Dataforth', '--minimum', '15'])
    const id = add(box, 'Quick fix')
    tasktrail(box, ['start', id])
    tasktrail(box, ['done', id, '--outcome', 'fixed'])
    // start and done a moment apart: some seconds measured, so the minimum applies.
    expect(json(box, ['bill', id])).toMatchObject({ billable: true, measured_minutes: 0, rounded_minutes: 15, override_minutes: null, work_item: { billable_minutes: 15, problem: 'Quick fix', solution: 'fixed' } })
    expect(json(box, ['bill', id, '--minutes', '40']).work_item.billable_minutes).toBe(40)
    expect(json(box, ['bill', id, '--no-bill'])).toMatchObject({ billable: false, work_item: null })
    expect(json(box, ['bill', id, '--auto']).work_item.billable_minutes).toBe(15)
    const history = json(box, ['show', id]).events.filter((e: { field: string }) => e.field.startsWith('context.bill')).map((e: any) => [e.field, e.new_value])
    expect(history).toEqual([['context.billable_minutes', '40'], ['context.billable', 'false'], ['context.billable_minutes', null], ['context.billable', null]])
  })

  it('bills a subtask with its request, and says where to set minutes', () => {
    const box = sandbox()
    tasktrail(box, ['link', '--client', 'Dataforth'])
    const request = add(box, 'Request')
    const step = add(box, 'Step', '--parent', request)
    const run = tasktrail(box, ['bill', step, '--minutes', '10'])
    expect(run).toMatchObject({ code: 1, stderr: `tasktrail: ${step} is billed as part of ${request} (Request); nothing was changed: set the minutes there with ${NAMED} bill ${request} --minutes 10\n` })
    tasktrail(box, ['done', step])
    expect(json(box, ['bill', request]).work_item).toMatchObject({ problem: 'Request', solution: 'Step' })
  })

  it('refuses a task with no client, and sets the idle limit', () => {
    const box = sandbox()
    const id = add(box, 'Own task')
    expect(tasktrail(box, ['bill', id, '--minutes', '5'])).toMatchObject({ code: 1, stderr: `tasktrail: ${id} is not for a client, so it is not billed; nothing was changed (link a repository with ${NAMED} link --client NAME for new tasks)\n` })
    expect(tasktrail(box, ['bill', '--idle-minutes', '20']).stdout).toBe('a session now counts as idle after 20 minutes without activity; applies to work items made from now on\n')
    expect(tasktrail(box, ['bill', id, '--idle-minutes', '20']).code).toBe(2)
    expect(tasktrail(box, ['bill']).code).toBe(2)
  })
})
