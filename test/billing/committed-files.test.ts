// Billing data stays in the user's store: after a billable task completes (and the project is
// synced, once `tasktrail sync` exists), no file git would commit names the client's billing.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { add, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'

const hasSync = tasktrail(sandbox(), ['help']).stdout.includes('\n  sync ')

/** The text of every file git would commit: tracked ones and untracked ones not ignored. */
function committable(box: Sandbox): Map<string, string> {
  const files = spawnSync('git', ['-C', box.project, 'ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' }).stdout.split('\0').filter(Boolean)
  return new Map(files.map((f) => [f, readFileSync(join(box.project, f), 'utf8')]))
}

function workBillableTask(box: Sandbox): void {
  tasktrail(box, ['link', '--client', 'Dataforth Billing Client'])
  tasktrail(box, ['clients', '--set', 'Dataforth Billing Client', '--increment', '6', '--minimum', '15'])
  const id = add(box, 'Fix the NAS alert')
  tasktrail(box, ['start', id])
  tasktrail(box, ['done', id, '--outcome', 'alert fixed'])
  tasktrail(box, ['bill', id, '--minutes', '4321'])
}

const BILLING = /Dataforth Billing Client|4321|billable|work_item/i

describe('billing data in committed files', () => {
  it('is absent after a billable task completes', () => {
    const box = sandbox()
    workBillableTask(box)
    tasktrail(box, ['report', '--format', 'html', '--output', join(box.dir, 'outside.html')])
    for (const [file, text] of committable(box)) expect(`${file}: ${BILLING.exec(text)?.[0] ?? ''}`).toBe(`${file}: `)
  })

  it.skipIf(!hasSync)('is absent after the project is synced', () => {
    const box = sandbox()
    workBillableTask(box)
    expect(tasktrail(box, ['sync']).code).toBe(0)
    const files = committable(box)
    expect(files.size).toBeGreaterThan(0)
    for (const [file, text] of files) expect(`${file}: ${BILLING.exec(text)?.[0] ?? ''}`).toBe(`${file}: `)
  })
})
