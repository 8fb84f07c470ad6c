// Guarantee 2: a person saves TASKS.md at a random moment while a hook is writing it. Each
// trial starts a hook (a TaskCreate) and, somewhere within the time a hook takes, saves a
// hand edit the way an editor does (read, change, write in place): a new line, and a tick on
// the line added the trial before. Afterwards every hand edit and every hook change is in
// both the store and the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { disagreements, exported } from './agreement.js'
import { Session } from './events.js'
import { hookAsync } from './processes.js'
import { report, scale, TIMEOUT } from './scale.js'

const handLine = (k: number) => `Hand edit ${k}`

/** The person's save: appends a line for trial k and ticks the line of trial k - 1. */
function saveHandEdit(box: Sandbox, k: number): void {
  const path = join(box.project, 'TASKS.md')
  const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const ticked = text.replace(new RegExp(`^- \\[ \\] ${handLine(k - 1)}(?= |$)`, 'm'), `- [x] ${handLine(k - 1)}`)
  writeFileSync(path, `${ticked}${ticked === '' || ticked.endsWith('\n') ? '' : '\n'}- [ ] ${handLine(k)}\n`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a person racing the machine (guarantee 2)', () => {
  it('hand edits saved at random moments while hooks write: none lost, no hook change lost', async () => {
    const box = sandbox()
    const session = new Session('race', box.project)
    expect(await hookAsync(box, session.prompt('Race'))).toMatchObject({ code: 0 })
    const trials = scale(8, 1000)
    const violations: string[] = []
    let hookTime = 300
    for (let k = 0; k < trials; k++) {
      const started = Date.now()
      const hook = hookAsync(box, session.taskCreate(`Hook task ${k}`).event)
      await sleep(Math.random() * hookTime)
      saveHandEdit(box, k)
      const run = await hook
      hookTime = Date.now() - started
      if (run.code !== 0 || run.stdout !== '' || run.stderr !== '') violations.push(`trial ${k}: ${JSON.stringify(run)}`)
    }
    expect(tasktrail(box, ['sync'])).toMatchObject({ code: 0 })

    const tasks = exported(box)
    const one = (title: string) => tasks.filter((t) => t.title === title)
    for (let k = 0; k < trials; k++) {
      const hand = one(handLine(k))
      const want = k === trials - 1 ? 'pending' : 'completed'
      if (hand.length !== 1 || hand[0]!.status !== want) violations.push(`${handLine(k)}: ${JSON.stringify(hand.map((t) => t.status))}, want [${want}]`)
      const machine = one(`Hook task ${k}`)
      if (machine.length !== 1 || machine[0]!.status !== 'pending') violations.push(`Hook task ${k}: ${JSON.stringify(machine.map((t) => t.status))}`)
    }
    violations.push(...disagreements(box, tasks))
    report({ guarantee: 2, attack: 'hand edit saved during a hook write', count: trials, unit: 'trials', failures: violations.length })
    expect(violations).toEqual([])
  }, TIMEOUT)
})
