// This repository at HEAD as a user gets it, by `git clone`, for the tests that install it as a
// user would (test/plugin/). dist/ is committed; a branch's may lag its sources until it is
// rebuilt (test/build/dist.test.ts holds the merged tree to it), so the clone gets the dist/
// built from these sources, as the repository will hold it.
import { spawnSync } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')

export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=tasktrail test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`)
  return run.stdout
}

/** A clone of this repository at `dir`, with the dist/ these sources build. */
export function cleanClone(dir: string): string {
  git(REPO_ROOT, 'clone', '-q', REPO_ROOT, dir)
  cpSync(join(REPO_ROOT, 'dist'), join(dir, 'dist'), { recursive: true })
  git(dir, 'add', '-A', 'dist')
  if (git(dir, 'status', '--porcelain')) git(dir, 'commit', '-q', '-m', 'dist/ built from the sources')
  return dir
}
