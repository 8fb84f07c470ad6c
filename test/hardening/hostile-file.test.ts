// Guarantee 5: a TASKS.md nobody would write on purpose, met by a hook that has a task to
// add. Either the hook refuses to touch the file (kept byte for byte, the task kept in the
// store, the reason in hook.log), or it writes the task and every byte a person wrote stays:
// each old line is still there, at most with an id comment added.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sandbox } from '../helpers/cli.js'
import { disagreements, exported } from './agreement.js'
import { Session } from './events.js'
import { hookAsync, isHookOutput, logLines } from './processes.js'
import { TIMEOUT } from './scale.js'

const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}\n`).join('')

const REFUSED: Array<[string, string]> = [
  ['conflict markers', '- [ ] a\n<<<<<<< HEAD\n- [ ] b\n=======\n- [x] b\n>>>>>>> other\n'],
  ['a NUL byte', '- [ ] a\n- [ ] b\0c\n'],
  ['a carriage return without a line feed', '- [ ] a\r- [ ] b\n']
]

const KEPT: Array<[string, string]> = [
  ['CRLF line endings', '# Tasks\r\n\r\n- [ ] a\r\n- [x] b\r\n  - [ ] c\r\n'],
  ['a BOM', '\uFEFF# Tasks\n\n- [ ] a\n'],
  ['100 levels of nesting', nested(100)],
  ['a 1 MB line', `- [ ] ${'w'.repeat(1_000_000)}\n- [ ] small\n`],
  [
    'task look-alikes that are not tasks: code, HTML comments, quotes, tables, front matter',
    '---\ntitle: x\n---\n\n```\n- [ ] in code\n```\n\n<!--\n- [ ] in a comment\n-->\n\n| a | b |\n|---|---|\n| - [ ] cell | x |\n\n- [ ] real\n'
  ]
]

/** Runs a TaskCreate through a real hook against `content` as TASKS.md. */
async function hookAgainst(content: string) {
  const box = sandbox()
  const path = join(box.project, 'TASKS.md')
  writeFileSync(path, content)
  const session = new Session('hostile', box.project)
  const run = await hookAsync(box, session.taskCreate('Added by the hook').event)
  expect(run.code, run.stderr).toBe(0)
  expect(run.stderr).toBe('')
  expect(isHookOutput(run.stdout)).toBe(true)
  expect(exported(box).map((t) => t.title)).toContain('Added by the hook')
  return { box, after: readFileSync(path, 'utf8') }
}

// Concurrent: each case is one hook process in its own sandbox.
describe.concurrent('hostile TASKS.md (guarantee 5)', () => {
  it.each(REFUSED)('%s: the file is kept byte for byte, the hook change stays in the store, hook.log says why', async (_, content) => {
    const { box, after } = await hookAgainst(content)
    expect(after).toBe(content)
    expect(logLines(box).some((line) => line.includes('TASKS.md was not written'))).toBe(true)
  }, TIMEOUT)

  it.each(KEPT)('%s: every old line kept (an id comment at most added), the hook task written, file and store agree', async (_, content) => {
    const { box, after } = await hookAgainst(content)
    const old = content.split('\n')
    const now = after.split('\n')
    for (const [i, line] of old.slice(0, -1).entries()) expect(now[i]!.replace(/ <!-- t-[0-9a-z]+ -->(\r?)$/, '$1'), `line ${i + 1}`).toBe(line)
    expect(after).toContain('Added by the hook')
    expect(disagreements(box)).toEqual([])
    expect(logLines(box)).toEqual([])
  }, TIMEOUT)
})
