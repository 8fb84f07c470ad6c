// The resident process as Claude Code meets it: started by a hook, serving the next hooks
// and commands through the real client (bin/tasktrail.js), leaving the same record as hooks
// that each run in a process of their own, and stepping aside when it cannot answer.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { moved, registered, type HooksConfig } from '../../src/hooks/demo/replay.js'
import { CLI, json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { RECORDED_ROOT, recording, untimed } from '../hooks/setup.js'

const HOOKS = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../hooks/hooks.json'), 'utf8')) as HooksConfig
const TIMEOUT_MS = 180_000

/** A sandbox whose hooks start a resident process, as an installed plugin's do. */
function residentBox(): Sandbox {
  const box = sandbox()
  delete box.env.TASKTRAIL_RESIDENT
  return box
}

/** A sandbox where every command runs in a process of its own. */
function aloneBox(): Sandbox {
  const box = sandbox()
  box.env.TASKTRAIL_RESIDENT = '0'
  return box
}

const hook = (box: Sandbox, event: unknown) =>
  tasktrail(box, ['hook'], { input: JSON.stringify(event), env: { CLAUDE_PROJECT_DIR: box.project } })

const status = (box: Sandbox) => tasktrail(box, ['serve', '--status'])

async function until(what: string, ready: () => boolean): Promise<void> {
  for (const start = Date.now(); !ready(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting until ${what}`)
  }
}

/** The record with ids replaced by titles, so two sandboxes' records compare. */
function record(box: Sandbox): { tasks: unknown[]; file: string } {
  const tasks = json<{ tasks: Array<{ id: string; parent_task_id: string | null; title: string; [key: string]: unknown }> }>(box, ['export']).tasks
  const title = new Map(tasks.map((task) => [task.id, task.title]))
  const file = readFileSync(join(box.project, 'TASKS.md'), 'utf8').replace(/t-[0-9a-z]+/g, (id) => `<${title.get(id) ?? id}>`)
  const shown = tasks
    .map(({ title: name, parent_task_id, status: state, assigned_agent, task_context }) => ({
      name, parent: parent_task_id && title.get(parent_task_id), state, assigned_agent, task_context: untimed(task_context as Record<string, unknown>)
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return { tasks: shown, file }
}

describe('the resident process', () => {
  it('is started by SessionStart, serves the session’s hooks with the same result as separate processes, and ends with the session', async () => {
    const events = recording('2.1.197-task-tools').filter((e) => registered(HOOKS, e))
    expect(events[0]!.hook_event_name).toBe('SessionStart')
    expect(events.at(-1)!.hook_event_name).toBe('SessionEnd')
    const alone = aloneBox()
    const served = residentBox()
    const outputs: Record<string, string[]> = { alone: [], served: [] }
    for (const [i, event] of events.entries()) {
      for (const [name, box] of [['alone', alone], ['served', served]] as const) {
        const run = hook(box, moved(event, RECORDED_ROOT, box.project))
        expect(run, `${name}: ${JSON.stringify(event).slice(0, 100)}`).toMatchObject({ code: 0, stderr: '' })
        outputs[name]!.push(run.stdout.replace(/t-[0-9a-z]+/g, 't-…'))
      }
      // Let it start, so that the rest of the session goes through it.
      if (i === 0) await until('the resident process listens', () => status(served).code === 0)
      if (i === events.length - 2) expect(status(served).stdout).toMatch(new RegExp(`, ${events.length - 2} requests served, 1 sessions open`))
    }
    expect(outputs.served).toEqual(outputs.alone)
    expect(record(served)).toEqual(record(alone))
    await until('the last session ended and the process stopped', () => status(served).code === 1)
    expect(status(alone).stdout).toBe('no resident process: TASKTRAIL_RESIDENT=0 turns it off\n')
  }, TIMEOUT_MS)

  it('serves one-task commands with the same output and exit codes as the command run alone', async () => {
    const alone = aloneBox()
    const served = residentBox()
    hook(served, { ...recording('2.1.197-task-tools')[0], cwd: served.project })
    await until('the resident process listens', () => status(served).code === 0)
    for (const argv of [['add', 'Write the report'], ['done', 'nosuchid'], ['block', 'x'], ['list']]) {
      const [a, s] = [tasktrail(alone, argv), tasktrail(served, argv)]
      const shown = (run: typeof a) => ({ code: run.code, stdout: run.stdout.replace(/t-[0-9a-z]+/g, 'ID'), stderr: run.stderr.replace(/t-[0-9a-z]+/g, 'ID') })
      expect(shown(s), argv.join(' ')).toEqual(shown(a))
    }
    const id = (box: Sandbox) => json<{ tasks: Array<{ id: string }> }>(box, ['export']).tasks[0]!.id
    const [a, s] = [tasktrail(alone, ['done', id(alone), '--outcome', 'sent']), tasktrail(served, ['done', id(served), '--outcome', 'sent'])]
    expect(s.stdout.replace(id(served), 'ID')).toBe(a.stdout.replace(id(alone), 'ID'))
    expect(record(served)).toEqual(record(alone))
    expect(status(served).stdout).toMatch(/, 4 requests served,/)
    expect(tasktrail(served, ['serve', '--stop'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^stopped the resident process \d+\n$/) })
    expect(status(served).code).toBe(1)
  }, TIMEOUT_MS)

  it('run by hand, says where it listens and ends on SIGTERM without leaving its socket', async () => {
    const box = residentBox()
    const child = spawn(process.execPath, [CLI, 'serve'], { cwd: box.project, env: box.env })
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())))
    const socket = /serving at (\S+) /.exec(line)![1]!
    expect(existsSync(socket)).toBe(true)
    expect(tasktrail(box, ['serve', '--status']).stdout).toContain(`resident process ${child.pid} at ${socket}`)
    child.kill('SIGTERM')
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0)
    expect(existsSync(socket)).toBe(false)
  })

  it('steps aside when its socket is a dead one, and the next prompt starts one in its place', async () => {
    const box = residentBox()
    const socket = /none listens at (.*)$/m.exec(status(box).stdout)![1]!
    mkdirSync(join(socket, '..'), { recursive: true, mode: 0o700 })
    writeFileSync(socket, '')
    expect(tasktrail(box, ['add', 'Still recorded'])).toMatchObject({ code: 0, stderr: '' })
    const prompt = recording('2.1.197-task-tools').find((e) => e.hook_event_name === 'UserPromptSubmit')!
    expect(hook(box, moved(prompt, RECORDED_ROOT, box.project))).toMatchObject({ code: 0, stdout: '', stderr: '' })
    expect(json<{ tasks: Array<{ title: string }> }>(box, ['export']).tasks.map((t) => t.title)).toEqual(['Still recorded'])
    // That prompt started a resident process in the dead one's place.
    await until('a new resident process listens', () => status(box).code === 0)
    expect(tasktrail(box, ['serve', '--stop']).code).toBe(0)
    expect(existsSync(socket)).toBe(false)
  })
})
