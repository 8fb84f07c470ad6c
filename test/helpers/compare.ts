// Two runs of one script compared: the tasks of each store without what differs between runs
// (ids, times, measured figures), parents named by title.
export interface ComparableTask {
  id: string
  parent_task_id: string | null
  title: string
  status: string
  assigned_agent?: string | null
  task_context: Record<string, unknown>
}

export function comparable(tasks: readonly ComparableTask[]): unknown[] {
  const title = new Map(tasks.map((t) => [t.id, t.title]))
  const stable = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? 'time' : v)))
  return tasks
    .map((t) => ({ title: t.title, parent: t.parent_task_id && title.get(t.parent_task_id), status: t.status, agent: t.assigned_agent, context: stable(t.task_context) }))
    .sort((a, b) => a.title.localeCompare(b.title))
}
