// Which branch and commit a work tree has checked out, read from the git dir's files: a hook
// must not spawn git on every run.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { commonDirOf } from '../project/locate.js'

export interface Head {
  /** 'refs/heads/main', or 'HEAD' when detached (rebase, bisect, a checked-out commit). */
  branch: string
  /** The commit, or null before the first commit. */
  commit: string | null
}

const NO_GIT: Head = { branch: 'HEAD', commit: null }

export function readHead(gitDir: string | null): Head {
  if (!gitDir) return NO_GIT
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim()
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1]
  if (!ref) return { branch: 'HEAD', commit: head }
  return { branch: ref, commit: resolveRef(commonDirOf(gitDir), ref) }
}

function resolveRef(commonDir: string, ref: string): string | null {
  try {
    return readFileSync(join(commonDir, ref), 'utf8').trim()
  } catch {
    // Packed refs: "<sha> <ref>" lines.
    try {
      const packed = readFileSync(join(commonDir, 'packed-refs'), 'utf8')
      return packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.split(' ')[0] ?? null
    } catch {
      return null
    }
  }
}
