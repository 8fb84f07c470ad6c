// dist/ is committed: an installed plugin is a copy of the repository and runs it with no
// build tools. `npm test` builds dist/ before the tests, so any difference from the commit
// means the commit carries a stale build.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

it('the committed dist/ is the build of the committed sources', () => {
  const status = spawnSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: root, encoding: 'utf8' })
  expect(status.status).toBe(0)
  expect(status.stdout, 'dist/ differs from the commit: run npm run bundle and commit dist/ with the sources').toBe('')
})

it('dist/ is ASCII, so V8 reads and compiles it as one-byte source on every hook run', () => {
  for (const name of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(root, 'dist', name))
    const at = bytes.findIndex((b) => b > 0x7f)
    expect(at, `dist/${name} has a non-ASCII byte at offset ${at}`).toBe(-1)
  }
})
