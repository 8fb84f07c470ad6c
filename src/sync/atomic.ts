// Writing TASKS.md without losing a person's save: temp file, fsync, check that the target
// still holds exactly the text the sync read, rename, fsync the directory. A file changed in
// between raises FileChangedDuringSync, and the caller merges again. A file tasktrail must
// not read or replace (a link, a directory, not UTF-8, read-only, a failed write) raises
// UnsafeFile: the sync then writes nothing and says why.
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export class UnsafeFile extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsafeFile'
  }
}

// ignoreBOM keeps a BOM in the text, as readFileSync does: the writer puts it back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The file's text, or null when it does not exist. */
export function readText(path: string): string | null {
  const bytes = readBytes(path)
  return bytes === null ? null : decodeText(path, bytes)
}

/** The file's bytes, or null when it does not exist; refuses anything but a regular file. */
export function readBytes(path: string): Buffer | null {
  let stat
  try {
    stat = lstatSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (!stat.isFile()) {
    const what = stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a directory' : 'not a regular file'
    throw new UnsafeFile(`${path} is ${what}; tasktrail reads and writes only a regular file there, and left it alone. Replace it with a file.`)
  }
  return readFileSync(path)
}

/** The text of bytes read from `path`; refuses invalid UTF-8. */
export function decodeText(path: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new UnsafeFile(`${path} is not valid UTF-8; tasktrail left it alone rather than replace bytes it cannot read. Save it as UTF-8.`)
  }
}

export class FileChangedDuringSync extends Error {
  constructor(path: string) {
    super(`${path} changed while it was being synced`)
    this.name = 'FileChangedDuringSync'
  }
}

/** The permission bits to give the new file: the old file's, or the default for a new one. */
function modeFor(path: string): number | null {
  try {
    const mode = lstatSync(path).mode & 0o7777
    if ((mode & 0o222) === 0) throw new UnsafeFile(`${path} is read-only; tasktrail left it as it is. Make it writable (chmod u+w) to let tasktrail update it.`)
    return mode
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Replaces `path` with `text` if it still holds `expected`, the text the sync read (null: must not exist). */
export function replaceIfUnchanged(path: string, text: string, expected: string | null): void {
  const mode = modeFor(path)
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.tasktrail-${process.pid}.tmp`)
  let renamed = false
  try {
    const fd = openSync(temp, 'w')
    try {
      // writeFileSync on a descriptor loops until every byte is written (a full disk throws).
      writeFileSync(fd, text)
      if (mode !== null) fchmodSync(fd, mode)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    const now = readBytes(path)
    if (expected === null ? now !== null : now === null || !now.equals(Buffer.from(expected))) throw new FileChangedDuringSync(path)
    renameSync(temp, path)
    renamed = true
  } catch (error) {
    const name = (error as Error).name
    if (name === 'FileChangedDuringSync' || name === 'UnsafeFile') throw error
    throw new UnsafeFile(`could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it was left as it was, and the store keeps the change. The next sync writes it.`)
  } finally {
    if (!renamed) rmSync(temp, { force: true })
  }
  const dirFd = openSync(dir, 'r')
  try {
    fsyncSync(dirFd)
  } finally {
    closeSync(dirFd)
  }
}
