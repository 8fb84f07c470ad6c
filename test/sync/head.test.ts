import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitDirOf } from '../../src/project/locate.js'
import { readHead } from '../../src/sync/head.js'
import { git, project } from './helpers.js'

describe('readHead', () => {
  it('reads the branch and commit of a work tree, a linked worktree and a detached HEAD without spawning git', () => {
    const box = project()
    expect(readHead(gitDirOf(box.project))).toEqual({ branch: 'refs/heads/main', commit: null })
    git(box.project, 'commit', '-q', '--allow-empty', '-m', 'one')
    const commit = git(box.project, 'rev-parse', 'HEAD')
    expect(readHead(gitDirOf(box.project))).toEqual({ branch: 'refs/heads/main', commit })
    const linked = join(box.dir, 'linked')
    git(box.project, 'worktree', 'add', '-q', '-b', 'side', linked)
    expect(readHead(gitDirOf(linked))).toEqual({ branch: 'refs/heads/side', commit })
    git(box.project, 'pack-refs', '--all')
    expect(readHead(gitDirOf(box.project)).commit).toBe(commit)
    git(box.project, 'checkout', '-q', '--detach')
    expect(readHead(gitDirOf(box.project))).toEqual({ branch: 'HEAD', commit })
  })
})
