// Turning what the user typed into a task, with the candidates when it is not exactly one.
import { IdLookupError, type StoredTask } from '../store/store.js'
import type { Context } from './context.js'
import { CliError } from './errors.js'

/** An id as typed, with the `t-` every id starts with added when it was left out. */
function withPrefix(typed: string): string {
  const id = typed.trim().toLowerCase()
  return /^t-/i.test(id) ? id : `t-${id}`
}

export function findTask(context: Context, typed: string): StoredTask {
  try {
    return context.store.requireTask(context.store.resolveId(withPrefix(typed)))
  } catch (error) {
    if (!(error instanceof IdLookupError)) throw error
    const details = error.candidates.map((c) => `  ${c.id}  ${c.title}`)
    if (details.length) details.unshift(error.message.includes('more than one') ? 'candidates:' : 'recent tasks:')
    throw new CliError(`${error.message}; see ${context.cli} list --all`, 1, details)
  }
}
