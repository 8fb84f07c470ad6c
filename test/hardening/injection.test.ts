// Guarantee 6: text from Claude Code (requests, task subjects, agent descriptions and
// answers) and from the CLI cannot add tasks, take over another task's id, or reach a
// shell; file paths from events are recorded as given and never opened. Everything goes
// through real hook processes and a real sync, and TASKS.md is read back with the parser.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from '../../src/markdown/index.js'
import { add, json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { Session, type Event } from './events.js'
import { hookAsync, logLines } from './processes.js'
import { TIMEOUT } from './scale.js'

interface Exported {
  id: string
  title: string
  description: string | null
  task_context: Record<string, unknown>
}

const exported = (box: Sandbox) => json<{ tasks: Exported[] }>(box, ['export']).tasks

/** Payloads that would run a command if any of them reached a shell: each creates its marker file. */
function shellPayloads(dir: string): string[] {
  const marker = (n: number) => join(dir, `shell-ran-${n}`)
  return [`$(touch ${marker(1)})`, `\`touch ${marker(2)}\``, `; touch ${marker(3)}`, `| touch ${marker(4)}`, `&& touch ${marker(5)}`, `\n touch ${marker(6)} #`]
}

/** Text built to break out of a task line: fake tasks, a fake id of a real task, HTML, shell syntax. */
function hostile(realId: string, shell: string[]): string[] {
  return [
    `Fix login\n- [x] fake done task\n- [ ] another fake <!-- t-zzzz -->`,
    `- [x] fake at the start <!-- ${realId} -->`,
    `Ship it <!-- ${realId} -->`,
    `Title [type:: bug] [agent:: mallory] [status:: completed] <!-- ${realId} -->`,
    `<details><summary>x</summary>\n\n- [ ] inside html\n</details>`,
    `<!-- t-abcd -->`,
    `Escape \\<!-- ${realId} --> and \\\\[x\\\\]`,
    `\r\n- [x] after CRLF`,
    `a\u2028b\u0085c\u000bd\u0000e`,
    `x${'y'.repeat(100_000)}\n- [x] fake after 100 kB`,
    ...shell
  ]
}

/** The store's tasks and the file's tasks are the same ones, with the same titles, and the file reads cleanly. */
function expectFileMatchesStore(box: Sandbox): void {
  const tasks = exported(box)
  const source = readFileSync(join(box.project, 'TASKS.md'), 'utf8')
  const file = parse(source).tasks
  expect(file.map((t) => t.id).sort()).toEqual(tasks.map((t) => t.id).sort())
  for (const task of file) expect(task.title, task.id!).toBe(tasks.find((t) => t.id === task.id)!.title)
}

describe('injection (guarantee 6)', () => {
  it('hostile requests, subjects, descriptions and agent texts from hooks: no extra task, no id hijack, no shell', async () => {
    const box = sandbox()
    const real = add(box, 'A task made by hand')
    const payloads = hostile(real, shellPayloads(box.dir))
    const session = new Session('inject', box.project)
    const events: Event[] = [session.prompt(payloads[0]!)]
    const created = payloads.map((text) => session.taskCreate(text, text))
    events.push(...created.map((c) => c.event))
    // Renames carry the payloads too, each onto another task's line.
    for (const [i, { claudeId }] of created.slice(0, 3).entries()) events.push(session.taskUpdate(claudeId, { subject: payloads[i + 1]!, status: 'in_progress' }))
    events.push(...session.agent(payloads[3]!, payloads[1]!))
    for (const event of events) expect(await hookAsync(box, event)).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(tasktrail(box, ['sync'])).toMatchObject({ code: 0 })

    const tasks = exported(box)
    // The hand-made task, the request, one per TaskCreate, one agent run: nothing else.
    expect(tasks).toHaveLength(1 + 1 + payloads.length + 1)
    expect(tasks.filter((t) => t.id === real)).toHaveLength(1)
    expect(tasks.find((t) => t.id === real)!.title).toBe('A task made by hand')
    for (const task of tasks) expect(task.title).not.toMatch(/[\r\n\u2028\u0085\0]/)
    expectFileMatchesStore(box)
    expect(readdirShellMarkers(box)).toEqual([])
    expect(logLines(box)).toEqual([])
  }, TIMEOUT)

  it('hostile titles through the CLI: a multi-line title is refused, the others stay one task each', () => {
    const box = sandbox()
    const real = add(box, 'First')
    const refused = tasktrail(box, ['add', 'two\n- [x] lines'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/one non-empty line/)
    // The one-line payloads that aim at the line's structure: fake box, fake ids, tokens, escapes, HTML, shell.
    const titles = hostile(real, shellPayloads(box.dir)).filter((t) => /<|\$\(/.test(t) && !/[\r\n\0]/.test(t))
    for (const title of titles) expect(tasktrail(box, ['add', '--', title])).toMatchObject({ code: 0, stderr: '' })
    expect(exported(box)).toHaveLength(1 + titles.length)
    expect(tasktrail(box, ['sync'])).toMatchObject({ code: 0 })
    expect(exported(box).filter((t) => t.id === real)).toHaveLength(1)
    expectFileMatchesStore(box)
    expect(readdirShellMarkers(box)).toEqual([])
  }, TIMEOUT)

  it('file paths outside the project are recorded as given and never opened, created or written', async () => {
    const box = sandbox()
    const outside = join(box.dir, 'outside')
    mkdirSync(outside)
    const fifo = join(outside, 'fifo')
    execFileSync('mkfifo', [fifo])
    const existing = join(outside, 'existing.txt')
    writeFileSync(existing, 'untouched\n')
    const before = statSync(existing)
    const session = new Session('paths', box.project)
    const paths = [fifo, existing, join(outside, 'missing', 'new.txt'), `${box.project}/../outside/escape.txt`, '../outside/relative.txt', '/etc/passwd']
    const events = [session.prompt('Write some files'), ...paths.map((path) => session.write(path)), session.write(join(box.project, '..notes', 'a.md'))]
    // A hook that opened the FIFO would block until killed: the timeout makes that a failure.
    for (const event of events) expect(await withTimeout(hookAsync(box, event), 20_000)).toEqual({ code: 0, stdout: '', stderr: '' })

    const [request] = exported(box)
    expect(request!.task_context.files_modified).toEqual([...paths, '..notes/a.md'])
    expect(statSync(fifo).isFIFO()).toBe(true)
    expect(readFileSync(existing, 'utf8')).toBe('untouched\n')
    expect(statSync(existing).mtimeMs).toBe(before.mtimeMs)
    expect(existsSync(join(outside, 'missing'))).toBe(false)
    expect(existsSync(join(outside, 'escape.txt'))).toBe(false)
    expect(existsSync(join(box.project, '..notes'))).toBe(false)
  }, TIMEOUT)
})

function readdirShellMarkers(box: Sandbox): string[] {
  return [1, 2, 3, 4, 5, 6].map((n) => join(box.dir, `shell-ran-${n}`)).filter((file) => existsSync(file))
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())])
}
