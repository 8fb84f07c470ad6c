// Guarantee 1: 8 hook processes at once on one project, each a session sending TaskCreate,
// TaskUpdate, Write and Agent runs, with the CLI adding and finishing tasks and a watcher
// syncing all along: no lost update, no regressed status, no busy store surfacing, and
// TASKS.md equals the store afterwards, without a final sync.
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CLI, sandbox, type Sandbox } from '../helpers/cli.js'
import { disagreements, exported } from './agreement.js'
import { Session, type Event } from './events.js'
import { hookAsync, isHookOutput, logLines, runAsync } from './processes.js'
import { report, scale, TIMEOUT } from './scale.js'

const WRITERS = 8

/** One session's events: its request, then rounds of create, start, write, agent run, finish. */
function sessionEvents(session: Session, rounds: number, eventsPerRound: number, total: number): Event[] {
  const events: Event[] = [session.prompt(`Request of ${session.id}`)]
  for (let round = 0; events.length + eventsPerRound <= total && round < rounds; round++) {
    const { event, claudeId } = session.taskCreate(`${session.id} task ${round}`)
    events.push(
      event,
      session.taskUpdate(claudeId, { status: 'in_progress' }),
      session.write(`${session.id}/file-${round}.ts`),
      ...session.agent(`${session.id} agent ${round}`, `done ${round}`),
      session.taskUpdate(claudeId, { status: 'completed' })
    )
  }
  return events
}

const EVENTS_PER_ROUND = 6

function startWatcher(box: Sandbox) {
  const child = spawn(process.execPath, [CLI, 'watch'], { cwd: box.project, env: box.env })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const ready = new Promise<void>((resolve) => child.stderr.on('data', () => output.includes('watching') && resolve()))
  // Listened to from the start: a watcher that died early must fail the test, not hang it.
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const stop = async () => {
    const early = child.exitCode !== null || child.signalCode !== null
    child.kill('SIGINT')
    const code = await closed
    return early || code !== 0 ? `${output}\nwatcher failed: ${early ? 'exited before the end' : `exit ${code}`}` : output
  }
  return { ready, stop }
}

describe('concurrent writers (guarantee 1)', () => {
  it(`${WRITERS} hook processes at once, the CLI and a watcher: every change kept, TASKS.md equals the store`, async () => {
    const box = sandbox()
    const perWriter = scale(1 + EVENTS_PER_ROUND, 1 + 34 * EVENTS_PER_ROUND)
    const rounds = Math.floor((perWriter - 1) / EVENTS_PER_ROUND)
    const watcher = startWatcher(box)
    await watcher.ready
    const violations: string[] = []
    const sessions = Array.from({ length: WRITERS }, (_, i) => new Session(`writer${i}`, box.project))
    const writers = sessions.map(async (session) => {
      for (const event of sessionEvents(session, rounds, EVENTS_PER_ROUND, perWriter)) {
        const run = await hookAsync(box, event)
        if (run.code !== 0 || run.stderr !== '' || !isHookOutput(run.stdout) || run.stdout !== '') violations.push(`${session.id}: ${JSON.stringify(run)}`)
      }
    })
    const cliTasks: string[] = []
    const cli = (async () => {
      for (let i = 0; i < Math.max(2, rounds); i++) {
        const added = await runAsync(box, ['add', `CLI task ${i}`, '--json'])
        if (added.code !== 0) violations.push(`cli add: ${added.stderr}`)
        else {
          const id = (JSON.parse(added.stdout) as { id: string }).id
          cliTasks.push(id)
          const done = await runAsync(box, ['done', id])
          if (done.code !== 0) violations.push(`cli done: ${done.stderr}`)
        }
      }
    })()
    await Promise.all([...writers, cli])
    const watched = await watcher.stop()
    if (/failed|refused/.test(watched)) violations.push(`watcher: ${watched}`)
    // A busy store may spool an event for the next hook; none may fail or stay behind.
    violations.push(...logLines(box).filter((line) => !line.includes('event spooled')))

    const tasks = exported(box)
    for (const session of sessions) {
      for (let round = 0; round < rounds; round++) {
        const task = tasks.filter((t) => t.title === `${session.id} task ${round}`)
        if (task.length !== 1) violations.push(`${session.id} task ${round}: ${task.length} tasks`)
        else if (task[0]!.status !== 'completed') violations.push(`${session.id} task ${round} is ${task[0]!.status}, not completed`)
        // Written while the task was in progress, so the file is that task's.
        else if (JSON.stringify(task[0]!.task_context.files_modified) !== JSON.stringify([`${session.id}/file-${round}.ts`])) {
          violations.push(`${session.id} task ${round} files: ${JSON.stringify(task[0]!.task_context.files_modified)}`)
        }
        const run = tasks.find((t) => t.title === `${session.id} agent ${round}`)
        if (run?.status !== 'completed') violations.push(`${session.id} agent ${round} is ${run?.status}`)
      }
      if (tasks.filter((t) => t.title === `Request of ${session.id}`).length !== 1) violations.push(`${session.id}: not one request task`)
    }
    for (const id of cliTasks) if (tasks.find((t) => t.id === id)?.status !== 'completed') violations.push(`CLI task ${id} not completed`)
    violations.push(...disagreements(box, tasks))
    const events = 1 + rounds * EVENTS_PER_ROUND
    report({ guarantee: 1, attack: `${WRITERS} hook processes × ${events} events, CLI (${cliTasks.length} add + done) and a watcher`, count: WRITERS * events, unit: 'hook events', failures: violations.length })
    expect(violations).toEqual([])
  }, TIMEOUT)
})
