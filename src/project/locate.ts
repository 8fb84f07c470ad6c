// Which project a command or a hook acts on: the git work tree that contains the directory
// (found by walking up to a .git entry, without spawning git), else the nearest directory
// above it that has a TASKS.md, else the home of tasks that belong to no repository.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'

export interface ProjectLocation {
  /** The directory whose TASKS.md is the project's checklist. */
  root: string
  /** What identifies the repository in the store: its git common dir (shared by worktrees), or the directory. */
  key: string
  /** The git dir of this work tree (differs from the common dir in a linked worktree); null outside git. */
  gitDir: string | null
  /** How the project was found. */
  kind: 'git' | 'directory' | 'home'
}

function findUp(start: string, entry: string): string | null {
  let dir = resolve(start)
  for (;;) {
    if (existsSync(join(dir, entry))) return dir
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

function findWorkTree(start: string): string | null {
  return findUp(start, '.git')
}

/** The git dir named by a work tree's .git (a directory, or a file "gitdir: PATH" in worktrees). */
export function gitDirOf(root: string): string {
  const dotGit = join(root, '.git')
  if (statSync(dotGit).isDirectory()) return dotGit
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))
  if (!pointer) return dotGit
  return isAbsolute(pointer[1]!) ? pointer[1]! : resolve(root, pointer[1]!)
}

/** The common dir that all worktrees of a repository share. */
export function commonDirOf(gitDir: string): string {
  const file = join(gitDir, 'commondir')
  if (!existsSync(file)) return gitDir
  return resolve(gitDir, readFileSync(file, 'utf8').trim())
}

export function locateProject(start: string, home: string): ProjectLocation {
  const root = findWorkTree(start)
  if (root) {
    const gitDir = gitDirOf(root)
    return { root, key: commonDirOf(gitDir), gitDir, kind: 'git' }
  }
  const directory = findUp(start, 'TASKS.md')
  if (directory) return { root: directory, key: directory, gitDir: null, kind: 'directory' }
  return { root: home, key: home, gitDir: null, kind: 'home' }
}
