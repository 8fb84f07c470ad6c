// Writing TASKS.md without losing a person's save: temp file, fsync, check that the target
// still holds exactly the text the sync read, rename, fsync the directory, and check that no
// save went into the file just replaced. A file changed in between raises
// FileChangedDuringSync, and the caller merges again. A file tasktrail must
// not read or replace (a link, a directory, not UTF-8, read-only, a failed write) raises
// UnsafeFile: the sync then writes nothing and says why.
import { closeSync, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { basename, dirname, join } from 'node:path'

class UnsafeFile extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsafeFile'
  }
}


/** The file's text, or null when it does not exist. */
export function readText(path: string): string | null {
  const bytes = readBytes(path)
  return bytes === null ? null : decodeText(path, bytes)
}

/** The file's bytes, or null when it does not exist; refuses anything but a regular file. */
export function readBytes(path: string): Buffer | null {
  // Without throwing for a missing file: a first sync looks for hundreds of progress files that
  // do not exist yet, and building each error's stack cost more than the look.
  const stat = lstatSync(path, { throwIfNoEntry: false })
  if (stat === undefined) return null
  if (!stat.isFile()) {
    const what = stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a directory' : 'not a regular file'
    throw new UnsafeFile(`${path} is ${what}; tasktrail reads and writes only a regular file there, and left it alone. Replace it with a file.`)
  }
  return readFileSync(path)
}

/**
 * The text of bytes read from `path`, a BOM kept (the writer puts it back); refuses invalid
 * UTF-8. isUtf8 and toString are native, three times faster than a fatal TextDecoder.
 */
export function decodeText(path: string, bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8')
  throw new UnsafeFile(`${path} is not valid UTF-8; tasktrail left it alone rather than replace bytes it cannot read. Save it as UTF-8.`)
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

/**
 * Replaces `path` with `text` if it still holds `expected`, the text the sync read (null: must
 * not exist). The file replaced is held open: an editor that opened it before the rename and
 * wrote after the check wrote into it, and that save is put back for the sync to merge.
 */
export function replaceIfUnchanged(path: string, text: string, expected: string | null): void {
  const mode = modeFor(path)
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.tasktrail-${process.pid}.tmp`)
  const want = expected === null ? null : Buffer.from(expected)
  let replaced: number | null = null
  let renamed = false
  try {
    try {
      if (want !== null) replaced = openReplaced(path)
      writeWhole(temp, text, mode)
      const now = readBytes(path)
      if (want === null ? now !== null : now === null || !now.equals(want)) throw new FileChangedDuringSync(path)
      renameSync(temp, path)
      renamed = true
    } catch (error) {
      const name = (error as Error).name
      if (name === 'FileChangedDuringSync' || name === 'UnsafeFile') throw error
      throw new UnsafeFile(`could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it was left as it was, and the store keeps the change. The next sync writes it.`)
    } finally {
      if (!renamed) rmSync(temp, { force: true })
    }
    fsyncDirectory(dir)
    const late = replaced === null ? null : lateSave(replaced, want!)
    if (late !== null) {
      writeWhole(temp, late, mode)
      renameSync(temp, path)
      fsyncDirectory(dir)
      throw new FileChangedDuringSync(path)
    }
  } finally {
    if (replaced !== null) closeSync(replaced)
  }
}

function openReplaced(path: string): number {
  try {
    return openSync(path, 'r')
  } catch (error) {
    // Deleted since the sync read it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileChangedDuringSync(path)
    throw error
  }
}

/** Writes a new file whole and to disk: writeFileSync on a descriptor loops until every byte is written (a full disk throws). */
function writeWhole(path: string, data: string | Uint8Array, mode: number | null): void {
  const fd = openSync(path, 'w')
  try {
    writeFileSync(fd, data)
    if (mode !== null) fchmodSync(fd, mode)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function readAll(fd: number): Buffer {
  const bytes = Buffer.alloc(fstatSync(fd).size)
  for (let at = 0; at < bytes.length; ) {
    const read = readSync(fd, bytes, at, bytes.length - at, at)
    if (read === 0) return bytes.subarray(0, at)
    at += read
  }
  return bytes
}

const LATE_SAVE_POLLS = 20
const LATE_SAVE_POLL_MS = 5

/**
 * What a save wrote into the replaced file (open as `fd`) instead of `expected`, once two
 * reads agree on a non-empty text (an editor truncates, then writes); null if it holds
 * `expected`.
 */
export function lateSave(fd: number, expected: Uint8Array): Buffer | null {
  let seen = readAll(fd)
  if (seen.equals(expected)) return null
  for (let poll = 0; poll < LATE_SAVE_POLLS; poll++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LATE_SAVE_POLL_MS)
    const again = readAll(fd)
    if (again.length > 0 && again.equals(seen)) return again
    seen = again
  }
  return seen
}
