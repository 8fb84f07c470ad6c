// TodoWrite sends the whole list on every call. Comparing it with the previous list of the
// session says what happened: new items, status changes, an item whose text was edited
// (the same task renamed, not a new one), and items dropped from the list.

export type TodoStatus = 'pending' | 'in_progress' | 'completed'

export interface Todo {
  content: string
  status: TodoStatus
  /** The "-ing" form Claude shows while the item runs; it usually survives an edit of the text. */
  activeForm?: string
}

/** An item of the previous list, with the task it became. */
export interface KnownTodo {
  content: string
  status: TodoStatus
  activeForm?: string | undefined
  task_id: string
}

export type TodoChange =
  | { kind: 'new'; todo: Todo }
  | { kind: 'kept'; task_id: string; todo: Todo; renamed: boolean; statusChanged: boolean }
  | { kind: 'dropped'; task_id: string; status: TodoStatus }

/** Below this likeness two different texts are two different items. */
const SAME_ITEM = 0.5

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean))
}

/**
 * How alike two items are, 0 to 1: fully when they share their activeForm (Claude rewords
 * the text and keeps it) or when one's words all appear in the other (a text made more
 * precise); else the share of words they have in common (Jaccard).
 */
function likeness(a: Pick<Todo, 'content' | 'activeForm'>, b: Pick<Todo, 'content' | 'activeForm'>): number {
  if (a.activeForm && a.activeForm === b.activeForm) return 1
  const left = words(a.content)
  const right = words(b.content)
  let common = 0
  for (const word of left) if (right.has(word)) common++
  if (common > 0 && common === Math.min(left.size, right.size)) return 1
  const all = left.size + right.size - common
  return all === 0 ? 0 : common / all
}

/**
 * Pairs each item of `next` with an item of `previous`: first by identical text, then the
 * most alike remaining pairs (an edited text keeps most of its words). Order of the result:
 * next's items in their order, then the dropped ones.
 */
export function diffTodos(previous: readonly KnownTodo[], next: readonly Todo[]): TodoChange[] {
  const pairedWith = new Map<number, number>()
  const taken = new Set<number>()
  next.forEach((todo, i) => {
    const same = previous.findIndex((old, j) => !taken.has(j) && old.content === todo.content)
    if (same >= 0) {
      pairedWith.set(i, same)
      taken.add(same)
    }
  })
  const candidates: Array<{ i: number; j: number; score: number }> = []
  next.forEach((todo, i) => {
    if (pairedWith.has(i)) return
    previous.forEach((old, j) => {
      if (taken.has(j)) return
      const score = likeness(old, todo)
      if (score >= SAME_ITEM) candidates.push({ i, j, score })
    })
  })
  candidates.sort((a, b) => b.score - a.score || a.i - b.i)
  for (const { i, j } of candidates) {
    if (pairedWith.has(i) || taken.has(j)) continue
    pairedWith.set(i, j)
    taken.add(j)
  }
  const changes: TodoChange[] = next.map((todo, i) => {
    const j = pairedWith.get(i)
    if (j === undefined) return { kind: 'new', todo }
    const old = previous[j]!
    return { kind: 'kept', task_id: old.task_id, todo, renamed: old.content !== todo.content, statusChanged: old.status !== todo.status }
  })
  previous.forEach((old, j) => {
    if (!taken.has(j)) changes.push({ kind: 'dropped', task_id: old.task_id, status: old.status })
  })
  return changes
}
