// dist/ is committed: an installed plugin is a copy of the repository and runs it with no
// build tools. `npm test` builds dist/ before the tests, so any difference from the commit
// means the commit carries a stale build.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

it('the committed dist/ is the build of the committed sources', () => {
  const status = spawnSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: root, encoding: 'utf8' })
  expect(status.status).toBe(0)
  expect(status.stdout, 'dist/ differs from the commit: run npm run build and commit dist/ with the sources').toBe('')
})
