// Writing TASKS.md without losing a person's save: temp file, fsync, check that the target
// still holds exactly the text the sync read, rename, fsync the directory. A file changed in
// between raises FileChangedDuringSync, and the caller merges again.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** The file's text, or null when it does not exist. */
export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export class FileChangedDuringSync extends Error {
  constructor(path: string) {
    super(`${path} changed while it was being synced`)
    this.name = 'FileChangedDuringSync'
  }
}

/** Replaces `path` with `text` if it still holds `expected`, the text the sync read (null: must not exist). */
export function replaceIfUnchanged(path: string, text: string, expected: string | null): void {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.tasktrail-${process.pid}.tmp`)
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  if (readText(path) !== expected) {
    rmSync(temp, { force: true })
    throw new FileChangedDuringSync(path)
  }
  renameSync(temp, path)
  const dirFd = openSync(dir, 'r')
  try {
    fsyncSync(dirFd)
  } finally {
    closeSync(dirFd)
  }
}
