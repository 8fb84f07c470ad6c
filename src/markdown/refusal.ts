// Files the engine will not read as tasks: reading them would lose or invent tasks.

export class MarkdownRefusal extends Error {
  readonly line: number

  constructor(line: number, message: string) {
    super(`TASKS.md line ${line}: ${message}`)
    this.name = 'MarkdownRefusal'
    this.line = line
  }
}

const CONFLICT_MARKER = /^(?:<{7}|>{7})(?:[ \t]|\r?$)/

/**
 * The 1-based line of the first git conflict marker, or null. `=======` alone is also a
 * setext heading underline, and a conflict always has a `<<<<<<<` line before it, so the
 * `<<<<<<<` and `>>>>>>>` lines are what count.
 */
export function hasConflictMarkers(source: string): number | null {
  if (!source.includes('<<<<<<<') && !source.includes('>>>>>>>')) return null
  let line = 1
  for (let at = 0; ; line++) {
    const next = source.indexOf('\n', at)
    if (CONFLICT_MARKER.test(source.slice(at, next === -1 ? source.length : next))) return line
    if (next === -1) return null
    at = next + 1
  }
}

function lineOf(source: string, offset: number): number {
  let line = 1
  for (let at = source.indexOf('\n'); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) line++
  return line
}

/** Throws MarkdownRefusal for a file that cannot be read safely; nothing is written. */
export function assertReadable(source: string): void {
  const conflict = hasConflictMarkers(source)
  if (conflict !== null) {
    throw new MarkdownRefusal(
      conflict,
      'git conflict marker. The file was not read and nothing was written; resolve the conflict and save the file again.'
    )
  }
  const nul = source.indexOf('\0')
  if (nul !== -1) {
    throw new MarkdownRefusal(
      lineOf(source, nul),
      'NUL byte: this does not look like a text file. The file was not read and nothing was written; remove the NUL byte.'
    )
  }
  const cr = source.search(/\r(?!\n)/)
  if (cr !== -1) {
    throw new MarkdownRefusal(
      lineOf(source, cr),
      'carriage return without a line feed. The file was not read and nothing was written; save it with LF or CRLF line endings.'
    )
  }
}
