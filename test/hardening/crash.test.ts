// Guarantee 3: a hook killed with SIGKILL at a random moment while it renames a task in a
// TASKS.md of hundreds of tasks. After each kill TASKS.md is exactly the old file or exactly the
// new one, the store passes PRAGMA integrity_check, and at the end one sync makes the file
// and the store agree.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { disagreements, exported, readTasksFile } from './agreement.js'
import { Session, type Event } from './events.js'
import { hookAsync, integrityCheck, storeFile } from './processes.js'
import { report, scale, TIMEOUT } from './scale.js'

// A bigger file widens the window in which a kill lands inside the write.
const FILLER_TASKS = scale(200, 500)

/** Runs a hook and kills it after `delay` ms (if it is still running); resolves when it is gone. */
function hookKilledAfter(box: Sandbox, event: Event, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'hook'], { cwd: box.project, env: { ...box.env, CLAUDE_PROJECT_DIR: box.project } })
    child.stdin.on('error', () => undefined)
    child.stdin.end(JSON.stringify(event))
    const timer = setTimeout(() => child.kill('SIGKILL'), delay)
    child.on('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

describe('crashes (guarantee 3)', () => {
  it('a hook killed at random points: TASKS.md old or new, never partial; the store intact; the next sync converges', async () => {
    const box = sandbox()
    writeFileSync(join(box.project, 'TASKS.md'), Array.from({ length: FILLER_TASKS }, (_, i) => `- [ ] Filler ${i}\n`).join(''))
    expect(tasktrail(box, ['sync'])).toMatchObject({ code: 0 })
    const session = new Session('crash', box.project)
    const { event, claudeId } = session.taskCreate('Renamed -1')
    for (const e of [session.prompt('Crash test'), event]) expect(await hookAsync(box, e)).toMatchObject({ code: 0, stdout: '' })
    const id = exported(box).find((t) => t.title === 'Renamed -1')!.id
    let started = Date.now()
    expect(await hookAsync(box, session.taskUpdate(claudeId, { subject: 'Renamed 0' }))).toMatchObject({ code: 0 })
    const hookTime = Date.now() - started

    const trials = scale(6, 500)
    const violations: string[] = []
    const outcomes = { old: 0, new: 0 }
    for (let k = 1; k <= trials; k++) {
      const before = readTasksFile(box)
      const title = new RegExp(` (Renamed -?\\d+) <!-- ${id} -->`).exec(before)?.[1]
      const after = before.replace(` ${title} <!-- ${id} -->`, ` Renamed ${k} <!-- ${id} -->`)
      started = Date.now()
      await hookKilledAfter(box, session.taskUpdate(claudeId, { subject: `Renamed ${k}` }), Math.random() * hookTime * 1.2)
      const now = readFileSync(join(box.project, 'TASKS.md'), 'utf8')
      if (now === before) outcomes.old++
      else if (now === after) outcomes.new++
      else violations.push(`trial ${k}: TASKS.md is neither the old nor the new file (${now.length} characters, old ${before.length}, new ${after.length})`)
      const integrity = integrityCheck(storeFile(box))
      if (integrity !== 'ok') violations.push(`trial ${k}: integrity_check: ${integrity}`)
    }
    const sync = tasktrail(box, ['sync'])
    if (sync.code !== 0) violations.push(`final sync: ${sync.stderr}${sync.stdout}`)
    violations.push(...disagreements(box))
    report({ guarantee: 3, attack: `hook SIGKILLed at a random point (old ${outcomes.old}, new ${outcomes.new})`, count: trials, unit: 'kills', failures: violations.length })
    expect(violations).toEqual([])
  }, TIMEOUT)
})
