// The task store: every read and write of tasks goes through here, and every change to a
// task is appended to task_events with its source, in the same transaction.
import type { Statement } from 'better-sqlite3'
import type { Db } from './open.js'
import { newTaskId } from '../model/ids.js'
import { statusPatch } from '../model/status.js'
import type { Complexity, Task, TaskContext, TaskStatus, TaskType } from '../model/task.js'
import { DEFAULT_RULE, type RoundingRule } from '../billing/rounding.js'
import { settleWorkItem } from './work-items.js'

export type Source = 'cli' | 'hook' | 'file' | 'merge'

export interface Repo {
  id: number
  key: string
  root: string
  client: string | null
  project: string | null
  rollup: boolean
}

export interface NewTask {
  id?: string
  title: string
  parent_task_id?: string | null
  description?: string | null
  status?: TaskStatus
  task_type?: TaskType | null
  assigned_agent?: string | null
  task_context?: TaskContext
  session_id?: string | null
  client?: string | null
  project?: string | null
  estimated_complexity?: Complexity | null
  position?: number
  created_at?: string
  started_at?: string | null
  completed_at?: string | null
}

/** Fields that can be changed with updateTask (status has its own door: setStatus). */
export type TaskPatch = Partial<
  Pick<
    Task,
    | 'title'
    | 'description'
    | 'task_type'
    | 'assigned_agent'
    | 'session_id'
    | 'client'
    | 'project'
    | 'estimated_complexity'
    | 'parent_task_id'
    | 'position'
    | 'started_at'
    | 'completed_at'
  >
>

/** Keys of task_context to set; null removes a key. */
export type ContextChanges = { [K in keyof TaskContext]?: TaskContext[K] | null }

export interface TaskEvent {
  id: number
  task_id: string
  field: string
  old_value: string | null
  new_value: string | null
  source: Source
  at: string
  note: string | null
}

export interface TaskFilter {
  repoId?: number
  status?: TaskStatus
  client?: string
  project?: string
  /** Tasks with neither client nor project. */
  normal?: boolean
}

export interface WorkItem {
  id: number
  /** The task it bills (null once that task was deleted). */
  task_id: string | null
  client: string | null
  category: string | null
  problem: string | null
  solution: string | null
  billable_minutes: number
  /** The local day the task was completed, YYYY-MM-DD. */
  date: string
  created_at: string
}

const WORK_ITEM_SELECT = `
SELECT w.id, w.task_id, c.name AS client, w.category, w.problem, w.solution, w.billable_minutes, w.date, w.created_at
FROM work_items w LEFT JOIN clients c ON c.id = w.client_id`

export class IdLookupError extends Error {
  constructor(
    message: string,
    readonly candidates: Array<Pick<Task, 'id' | 'title'>>
  ) {
    super(message)
    this.name = 'IdLookupError'
  }
}

const TASK_SELECT = `
SELECT t.id, t.repo_id, t.parent_task_id, t.title, t.description, t.status, t.task_type,
       t.assigned_agent, t.task_context, t.session_id, c.name AS client, p.name AS project,
       t.estimated_complexity, t.position, t.created_at, t.started_at, t.completed_at, t.updated_at
FROM tasks t LEFT JOIN clients c ON c.id = t.client_id LEFT JOIN projects p ON p.id = t.project_id`

export interface StoredTask extends Task {
  repo_id: number
}

/** A task as SQLite gives it back: its context still JSON text. */
type TaskRow = Omit<StoredTask, 'task_context'> & { task_context: string }

function toTask(row: TaskRow): StoredTask {
  return { ...row, task_context: JSON.parse(row.task_context) as TaskContext }
}

function encode(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export class Store {
  private readonly statements = new Map<string, Statement<unknown[]>>()

  private clock: () => string

  constructor(
    readonly db: Db,
    now: () => string = () => new Date().toISOString()
  ) {
    this.clock = now
  }

  /** The time every change is stamped with (ISO 8601). */
  now(): string {
    return this.clock()
  }

  /**
   * Runs a change as of `iso`: an event kept in the spool is recorded at the time it happened,
   * not when the store could finally be opened (its start, completion, history and billing).
   */
  asOf<T>(iso: string, change: () => T): T {
    const kept = this.clock
    this.clock = () => iso
    try {
      return change()
    } finally {
      this.clock = kept
    }
  }

  close(): void {
    this.db.close()
  }

  /** Runs fn under an IMMEDIATE lock: every read-then-write of the store must. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  /** A prepared statement, compiled once per connection. */
  prepare(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  // ---- repositories, clients, projects ----

  /** The repository row for a key, created on first use. */
  repo(key: string, root: string): Repo {
    const existing = this.repoByKey(key)
    if (existing) {
      if (existing.root !== root) this.prepare('UPDATE repos SET root = ? WHERE id = ?').run(root, existing.id)
      return { ...existing, root }
    }
    // Another process may insert the same repository between the look-up and this insert.
    this.prepare('INSERT INTO repos (key, root, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(key, root, this.now())
    return this.repoByKey(key)!
  }

  repoByKey(key: string): Repo | undefined {
    const row = this.prepare(
      `SELECT r.id, r.key, r.root, c.name AS client, p.name AS project, r.rollup
       FROM repos r LEFT JOIN clients c ON c.id = r.client_id LEFT JOIN projects p ON p.id = r.project_id
       WHERE r.key = ?`
    ).get(key) as (Omit<Repo, 'rollup'> & { rollup: number }) | undefined
    return row && { ...row, rollup: row.rollup === 1 }
  }

  setRollup(repoId: number, on: boolean): void {
    this.prepare('UPDATE repos SET rollup = ? WHERE id = ?').run(on ? 1 : 0, repoId)
  }

  clientId(name: string): number {
    this.prepare('INSERT INTO clients (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, this.now())
    return (this.prepare('SELECT id FROM clients WHERE name = ?').get(name) as { id: number }).id
  }

  projectId(name: string): number {
    this.prepare('INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, this.now())
    return (this.prepare('SELECT id FROM projects WHERE name = ?').get(name) as { id: number }).id
  }

  private optionalClientId(name: string | null | undefined): number | null {
    return name ? this.clientId(name) : null
  }

  private optionalProjectId(name: string | null | undefined): number | null {
    return name ? this.projectId(name) : null
  }

  // ---- reading tasks ----

  getTask(id: string): StoredTask | undefined {
    const row = this.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined
    return row && toTask(row)
  }

  /** The task whose id is `prefix` or starts with it; lists the candidates when not exactly one. */
  resolveId(prefix: string, repoId?: number): string {
    const exact = this.getTask(prefix)
    if (exact) return exact.id
    const pattern = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'
    const scope = repoId === undefined ? '' : 'AND repo_id = ?'
    const params: unknown[] = repoId === undefined ? [pattern] : [pattern, repoId]
    const rows = this.prepare(
      `SELECT id, title FROM tasks WHERE id LIKE ? ESCAPE '\\' ${scope} ORDER BY id LIMIT 11`
    ).all(...params) as Array<Pick<Task, 'id' | 'title'>>
    if (rows.length === 1) return rows[0]!.id
    if (rows.length === 0) {
      const near = this.prepare(
        `SELECT id, title FROM tasks ${repoId === undefined ? '' : 'WHERE repo_id = ?'} ORDER BY updated_at DESC LIMIT 5`
      ).all(...(repoId === undefined ? [] : [repoId])) as Array<Pick<Task, 'id' | 'title'>>
      throw new IdLookupError(`no task has an id starting with "${prefix}"`, near)
    }
    throw new IdLookupError(`"${prefix}" matches more than one task; give more of the id`, rows.slice(0, 10))
  }

  listTasks(filter: TaskFilter = {}): StoredTask[] {
    return [...this.iterateTasks(filter)]
  }

  /** The tasks one at a time, so a command over 100,000 of them need not hold them all. */
  *iterateTasks(filter: TaskFilter = {}): IterableIterator<StoredTask> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.repoId !== undefined) {
      where.push('t.repo_id = ?')
      params.push(filter.repoId)
    }
    if (filter.status) {
      where.push('t.status = ?')
      params.push(filter.status)
    }
    if (filter.client) {
      where.push('c.name = ?')
      params.push(filter.client)
    }
    if (filter.project) {
      where.push('p.name = ?')
      params.push(filter.project)
    }
    if (filter.normal) where.push('t.client_id IS NULL AND t.project_id IS NULL')
    const sql = `${TASK_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY t.position, t.created_at, t.id`
    for (const row of this.prepare(sql).iterate(...params) as IterableIterator<TaskRow>) yield toTask(row)
  }

  children(parentId: string): StoredTask[] {
    return (this.prepare(`${TASK_SELECT} WHERE t.parent_task_id = ? ORDER BY t.position, t.created_at, t.id`).all(parentId) as TaskRow[]).map(toTask)
  }

  events(taskId: string): TaskEvent[] {
    return this.prepare('SELECT * FROM task_events WHERE task_id = ? ORDER BY id').all(taskId) as TaskEvent[]
  }

  dependencies(taskId: string): string[] {
    return (this.prepare('SELECT depends_on FROM task_dependencies WHERE task_id = ? ORDER BY depends_on').all(taskId) as Array<{ depends_on: string }>).map((r) => r.depends_on)
  }

  // ---- writing tasks ----

  private log(taskId: string, field: string, oldValue: unknown, newValue: unknown, source: Source, note?: string): void {
    this.prepare(
      'INSERT INTO task_events (task_id, field, old_value, new_value, source, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)'
    ).run(taskId, field, encode(oldValue), encode(newValue), source, this.now(), note ?? null)
  }

  /**
   * `adopted`: the task is taken in as a file already shows it (a first sync), so its status is
   * no change that could roll up to its parent.
   */
  createTask(repoId: number, input: NewTask, source: Source, note?: string, { adopted = false }: { adopted?: boolean } = {}): StoredTask {
    const now = this.now()
    const status = input.status ?? 'pending'
    const timestamps = statusPatch({ status: 'pending', started_at: input.started_at ?? null, completed_at: null }, status, input.created_at ?? now)
    const parent = input.parent_task_id ?? null
    const position =
      input.position ??
      ((this.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM tasks WHERE repo_id = ? AND parent_task_id IS ?').get(repoId, parent) as { next: number }).next)
    const insert = this.prepare(
      `INSERT INTO tasks (id, repo_id, parent_task_id, title, description, status, task_type, assigned_agent,
        task_context, session_id, client_id, project_id, estimated_complexity, position, created_at, started_at,
        completed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    let id = input.id ?? newTaskId()
    for (let attempt = 0; ; attempt++) {
      try {
        insert.run(
          id, repoId, parent, input.title, input.description ?? null, status, input.task_type ?? null,
          input.assigned_agent ?? null, JSON.stringify(input.task_context ?? {}), input.session_id ?? null,
          this.optionalClientId(input.client), this.optionalProjectId(input.project),
          input.estimated_complexity ?? null, position, input.created_at ?? now,
          timestamps.started_at, input.completed_at ?? timestamps.completed_at, now
        )
        break
      } catch (error) {
        const clash = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
        if (!clash || input.id !== undefined || attempt > 3) throw error
        id = newTaskId()
      }
    }
    this.log(id, 'created', null, input.title, source, note)
    if (status !== 'pending') this.log(id, 'status', 'pending', status, source, note)
    if (status === 'completed') settleWorkItem(this, id)
    // Only a start rolls up on creation: a sync or an import creates a parent's subtasks one by
    // one, and the first completed one would otherwise complete the parent before its open
    // siblings exist.
    if (parent && status === 'in_progress' && !adopted) this.rollUp(parent, status, source)
    return this.getTask(id)!
  }

  /** Changes the given fields, logging each one that really changed. */
  updateTask(id: string, patch: TaskPatch, source: Source, note?: string): StoredTask {
    const task = this.requireTask(id)
    const sets: string[] = []
    const params: unknown[] = []
    for (const [field, value] of Object.entries(patch) as Array<[keyof TaskPatch, unknown]>) {
      if (value === undefined || task[field] === value) continue
      if (field === 'client') {
        sets.push('client_id = ?')
        params.push(this.optionalClientId(value as string | null))
      } else if (field === 'project') {
        sets.push('project_id = ?')
        params.push(this.optionalProjectId(value as string | null))
      } else {
        sets.push(`${field} = ?`)
        params.push(value)
      }
      this.log(id, field, task[field], value, source, note)
    }
    if (sets.length === 0) return task
    this.prepare(`UPDATE tasks SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...params, this.now(), id)
    return this.getTask(id)!
  }

  /** Sets keys of task_context; null removes a key. Logs each key that changed. */
  updateContext(id: string, changes: ContextChanges, source: Source, note?: string): StoredTask {
    const task = this.requireTask(id)
    const context: TaskContext = { ...task.task_context }
    let changed = false
    for (const [key, value] of Object.entries(changes)) {
      const before = context[key]
      if (JSON.stringify(before) === JSON.stringify(value ?? undefined)) continue
      if (value === null || value === undefined) delete context[key]
      else context[key] = value
      this.log(id, `context.${key}`, before, value, source, note)
      changed = true
    }
    if (!changed) return task
    this.prepare('UPDATE tasks SET task_context = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(context), this.now(), id)
    settleWorkItem(this, id)
    return this.getTask(id)!
  }

  /** Adds a value to a list in task_context once (files_modified, blockers_encountered, …). */
  addToContextList(id: string, key: 'files_modified' | 'blockers_encountered' | 'dependencies_added', value: string, source: Source): StoredTask {
    const task = this.requireTask(id)
    const list = (task.task_context[key] as string[] | undefined) ?? []
    if (list.includes(value)) return task
    return this.updateContext(id, { [key]: [...list, value] }, source)
  }

  /**
   * Moves a task to a status: sets the timestamps, records the blocked reason, logs the
   * move and rolls it up to the parents.
   */
  setStatus(id: string, to: TaskStatus, source: Source, options: { reason?: string; note?: string } = {}): StoredTask {
    const task = this.requireTask(id)
    if (to === 'blocked' && options.reason !== undefined) {
      this.updateContext(id, { blocked_reason: options.reason }, source, options.note)
    } else if (to !== 'blocked' && task.task_context.blocked_reason !== undefined) {
      this.updateContext(id, { blocked_reason: null }, source, options.note)
    }
    if (task.status === to) return this.getTask(id)!
    const patch = statusPatch(task, to, this.now())
    this.prepare('UPDATE tasks SET status = ?, started_at = ?, completed_at = ?, updated_at = ? WHERE id = ?').run(
      patch.status, patch.started_at, patch.completed_at, this.now(), id
    )
    this.log(id, 'status', task.status, to, source, options.note)
    if (task.started_at !== patch.started_at) this.log(id, 'started_at', task.started_at, patch.started_at, source, options.note)
    if (task.completed_at !== patch.completed_at) this.log(id, 'completed_at', task.completed_at, patch.completed_at, source, options.note)
    if (to === 'completed' || task.status === 'completed') settleWorkItem(this, id)
    if (task.parent_task_id) this.rollUp(task.parent_task_id, to, source)
    return this.getTask(id)!
  }

  /**
   * Parent roll-up: a child starting moves a pending parent to in progress; a parent whose
   * children are all completed or cancelled, one at least completed, becomes completed. An
   * agent run (task_context.agent_run) keeps its parent open but never completes it: the
   * agent finishing says nothing of the work of the one who launched it. A request whose
   * turn is still running (task_context.turn = "running") is left to the hook that ends the
   * turn.
   */
  private rollUp(parentId: string, childStatus: TaskStatus, source: Source): void {
    const parent = this.getTask(parentId)
    if (!parent || !this.rollupEnabled(parent.repo_id)) return
    if (childStatus === 'in_progress' && parent.status === 'pending') {
      this.setStatus(parentId, 'in_progress', source, { note: 'roll-up: a subtask started' })
      return
    }
    if (childStatus !== 'completed' && childStatus !== 'cancelled') return
    if (parent.status === 'completed' || parent.status === 'cancelled') return
    if (parent.task_context.turn === 'running') return
    const counts = this.prepare(
      `SELECT SUM(status = 'completed' AND task_context ->> 'agent_run' IS NOT 1) AS done,
              SUM(status NOT IN ('completed','cancelled')) AS open FROM tasks WHERE parent_task_id = ?`
    ).get(parentId) as { done: number; open: number }
    if (counts.open === 0 && counts.done > 0) {
      this.setStatus(parentId, 'completed', source, { note: 'roll-up: every subtask is done' })
    }
  }

  private rollupEnabled(repoId: number): boolean {
    return (this.prepare('SELECT rollup FROM repos WHERE id = ?').get(repoId) as { rollup: number } | undefined)?.rollup === 1
  }

  addDependency(taskId: string, dependsOn: string, source: Source): void {
    const added = this.prepare('INSERT OR IGNORE INTO task_dependencies (task_id, depends_on) VALUES (?, ?)').run(taskId, dependsOn)
    if (added.changes > 0) this.log(taskId, 'depends_on', null, dependsOn, source)
  }

  /** Removes a task for good (its subtasks move up to its parent); the log keeps its history. */
  deleteTask(id: string, source: Source, note?: string): void {
    const task = this.requireTask(id)
    for (const child of this.children(id)) this.updateTask(child.id, { parent_task_id: task.parent_task_id }, source, note)
    this.prepare('DELETE FROM tasks WHERE id = ?').run(id)
    this.log(id, 'deleted', task.title, null, source, note)
  }

  requireTask(id: string): StoredTask {
    const task = this.getTask(id)
    if (!task) throw new IdLookupError(`no task has the id "${id}"`, [])
    return task
  }

  // ---- billing: links, rounding rules, work items (src/store/work-items.ts settles them) ----

  /** Links a repository to a client, a project, or (both null) neither. */
  setRepoLink(repoId: number, link: { client: string | null; project: string | null }): void {
    this.prepare('UPDATE repos SET client_id = ?, project_id = ? WHERE id = ?').run(
      this.optionalClientId(link.client), this.optionalProjectId(link.project), repoId
    )
  }

  clientNames(): string[] {
    return (this.prepare('SELECT name FROM clients ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name)
  }

  projectNames(): string[] {
    return (this.prepare('SELECT name FROM projects ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name)
  }

  /** The client's rounding rule (the defaults until one is set). */
  roundingRule(client: string): RoundingRule {
    const row = this.prepare('SELECT increment_minutes, minimum_minutes, rounding FROM clients WHERE name = ?').get(client) as RoundingRule | undefined
    return row ?? { ...DEFAULT_RULE }
  }

  setRoundingRule(client: string, rule: RoundingRule): void {
    this.prepare('UPDATE clients SET increment_minutes = ?, minimum_minutes = ?, rounding = ? WHERE id = ?').run(
      rule.increment_minutes, rule.minimum_minutes, rule.rounding, this.clientId(client)
    )
  }

  billingSetting(key: string): string | undefined {
    return (this.prepare('SELECT value FROM billing_settings WHERE key = ?').get(key) as { value: string } | undefined)?.value
  }

  setBillingSetting(key: string, value: string): void {
    this.prepare('INSERT INTO billing_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  /** The tasks of one Claude Code session; null: the tasks that came from no session. */
  sessionTasks(sessionId: string | null): StoredTask[] {
    return (this.prepare(`${TASK_SELECT} WHERE t.session_id IS ? ORDER BY t.created_at, t.id`).all(sessionId) as TaskRow[]).map(toTask)
  }

  /** Every logged change to the tasks of one session (null: of no session), in order. */
  sessionEvents(sessionId: string | null): TaskEvent[] {
    return this.prepare(
      'SELECT e.* FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.session_id IS ? ORDER BY e.id'
    ).all(sessionId) as TaskEvent[]
  }

  workItem(taskId: string): WorkItem | undefined {
    return this.prepare(`${WORK_ITEM_SELECT} WHERE w.task_id = ?`).get(taskId) as WorkItem | undefined
  }

  /** Work items of a client (or every client) dated within [since, until] (YYYY-MM-DD, inclusive). */
  workItems(filter: { client?: string; since?: string; until?: string } = {}): WorkItem[] {
    return this.prepare(
      `${WORK_ITEM_SELECT} WHERE (? IS NULL OR c.name = ?) AND (? IS NULL OR w.date >= ?) AND (? IS NULL OR w.date <= ?)
       ORDER BY w.date, c.name, w.id`
    ).all(filter.client ?? null, filter.client ?? null, filter.since ?? null, filter.since ?? null, filter.until ?? null, filter.until ?? null) as WorkItem[]
  }

  /** Creates or replaces the one work item of a task. */
  saveWorkItem(item: Omit<WorkItem, 'id' | 'created_at'> & { task_id: string; client: string }): void {
    this.prepare(
      `INSERT INTO work_items (task_id, client_id, category, problem, solution, billable_minutes, date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (task_id) DO UPDATE SET client_id = excluded.client_id, category = excluded.category,
         problem = excluded.problem, solution = excluded.solution, billable_minutes = excluded.billable_minutes, date = excluded.date`
    ).run(item.task_id, this.clientId(item.client), item.category, item.problem, item.solution, item.billable_minutes, item.date, this.now())
  }

  deleteWorkItem(taskId: string): void {
    this.prepare('DELETE FROM work_items WHERE task_id = ?').run(taskId)
  }
}
