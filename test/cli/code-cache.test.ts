// The V8 code cache of the bundled CLI (src/cli/code-cache.ts), on the real dist/: made by
// the first process, used by the next, never used for another build, and worth nothing
// more than the time when it is broken.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'
import { sandbox, tasktrail } from '../helpers/cli.js'

const DIST = resolve(import.meta.dirname, '../../dist')
const build = () => /^\/\/ tasktrail build ([0-9a-f]+)\n/.exec(readFileSync(join(DIST, 'tasktrail.js'), 'latin1'))![1]!

it('is made by the first run of a command, in TASKTRAIL_HOME, named by the build, and used by the next', () => {
  const box = sandbox()
  const cache = join(box.env.TASKTRAIL_HOME!, 'cache')
  expect(tasktrail(box, ['add', 'first']).code).toBe(0)
  const name = `tasktrail-${build()}-${process.version}-${process.arch}-add.v8`
  expect(readdirSync(cache)).toEqual([name])
  const made = readFileSync(join(cache, name))
  const second = tasktrail(box, ['add', 'second'])
  expect(second.code, second.stderr).toBe(0)
  // Accepted, so not written again.
  expect(readFileSync(join(cache, name)).equals(made)).toBe(true)
  expect(tasktrail(box, ['list']).stdout).toMatch(/first[\s\S]*second/)
})

it('a broken cache costs only the time: the command runs and the cache is made again', () => {
  const box = sandbox()
  const cache = join(box.env.TASKTRAIL_HOME!, 'cache')
  const name = `tasktrail-${build()}-${process.version}-${process.arch}-add.v8`
  mkdirSync(cache, { recursive: true })
  writeFileSync(join(cache, name), Buffer.alloc(150_000, 7))
  const run = tasktrail(box, ['add', 'kept'])
  expect(run.code, run.stderr).toBe(0)
  expect(run.stdout).toContain('kept')
  expect(readFileSync(join(cache, name)).equals(Buffer.alloc(150_000, 7))).toBe(false)
})

it('is never used for another build, even of the same length (V8 checks only the length)', () => {
  const box = sandbox()
  expect(tasktrail(box, ['--version']).stdout.trim()).toBe('0.1.0')
  // The same bundle with another version string of the same length, and so another build id.
  const other = join(box.dir, 'dist')
  mkdirSync(other)
  for (const file of ['start.js', 'package.json']) copyFileSync(join(DIST, file), join(other, file))
  const source = readFileSync(join(DIST, 'tasktrail.js'), 'latin1')
  const changed = source.replace(`VERSION="0.1.0"`, `VERSION="9.9.9"`).replace(build(), 'f'.repeat(16))
  expect(changed.length).toBe(source.length)
  expect(changed).not.toBe(source)
  writeFileSync(join(other, 'tasktrail.js'), changed, 'latin1')
  const run = spawnSync(process.execPath, [join(other, 'start.js'), '--version'], { env: box.env, encoding: 'utf8' })
  expect(run.stdout.trim(), run.stderr).toBe('9.9.9')
  expect(readdirSync(join(box.env.TASKTRAIL_HOME!, 'cache')).sort()).toEqual(
    [`tasktrail-${build()}-${process.version}-${process.arch}-other.v8`, `tasktrail-${'f'.repeat(16)}-${process.version}-${process.arch}-other.v8`].sort()
  )
})
