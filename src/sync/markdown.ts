// The markdown engine as sync uses it: the splicing writer is loaded with sync, the parser
// (remark, 2.4× a bare node start) only through loadParser(), when TASKS.md changed.
import type { ParsedFile } from '../markdown/splice-entry.js'

export { applyEdits, hasConflictMarkers, render } from '../markdown/splice-entry.js'
export type { RenderTask } from '../markdown/splice-entry.js'

export type ParsedTasks = ParsedFile

export type Parser = typeof import('../markdown/parse.js')

/** Thrown inside the lock when the file needs parsing and the parser is not loaded yet. */
export class ParserNeeded extends Error {
  constructor() {
    super('TASKS.md changed: the parser must be loaded first')
    this.name = 'ParserNeeded'
  }
}

let loaded: Parser | undefined

export async function loadParser(): Promise<Parser> {
  return (loaded ??= await import('../markdown/parse.js'))
}

/** The parser once loadParser() has loaded it: for code inside a transaction, which cannot wait. */
export function loadedParser(): Parser | undefined {
  return loaded
}

/** The engine's refusal to read a file, recognised by name: the parser chunk has its own copy of the class. */
export function isMarkdownRefusal(error: unknown): error is Error & { line?: number } {
  return error instanceof Error && error.name === 'MarkdownRefusal'
}
