// The task model of the original design: what a task is, independent of where it is stored.

export const STATUSES = ['pending', 'in_progress', 'blocked', 'completed', 'cancelled'] as const
export type TaskStatus = (typeof STATUSES)[number]

/** The words people type for each status, beside the stored names (matched without case, `-` or space as `_`). */
const STATUS_WORDS: Record<string, TaskStatus> = {
  todo: 'pending',
  to_do: 'pending',
  open: 'pending',
  wip: 'in_progress',
  doing: 'in_progress',
  started: 'in_progress',
  done: 'completed',
  complete: 'completed',
  canceled: 'cancelled'
}

/** The status a typed word means, or undefined. */
export function statusFromWord(word: string): TaskStatus | undefined {
  const key = word.trim().toLowerCase().replace(/[-\s]+/g, '_')
  return (STATUSES as readonly string[]).includes(key) ? (key as TaskStatus) : STATUS_WORDS[key]
}

export const TASK_TYPES = [
  'implementation',
  'research',
  'review',
  'testing',
  'deployment',
  'documentation',
  'bugfix',
  'analysis'
] as const
export type TaskType = (typeof TASK_TYPES)[number]

export const COMPLEXITIES = ['low', 'medium', 'high'] as const
export type Complexity = (typeof COMPLEXITIES)[number]

/** One run of an agent on a task. */
export interface AgentRun {
  agent: string
  started?: string
  completed?: string
  status?: string
}

/** The rich context of a task. Every field is optional; unknown fields are kept. */
export interface TaskContext {
  user_request?: string
  environment?: string
  requirements?: string[]
  constraints?: string[]
  assigned_agents?: AgentRun[]
  files_modified?: string[]
  dependencies_added?: string[]
  blockers_encountered?: string[]
  blocked_reason?: string
  outcome?: string
  production_ready?: boolean
  billable?: boolean
  billable_minutes?: number
  [key: string]: unknown
}

export interface Task {
  id: string
  parent_task_id: string | null
  title: string
  description: string | null
  status: TaskStatus
  task_type: TaskType | null
  assigned_agent: string | null
  task_context: TaskContext
  session_id: string | null
  client: string | null
  project: string | null
  estimated_complexity: Complexity | null
  /** Order among siblings; smaller first. */
  position: number
  created_at: string
  started_at: string | null
  completed_at: string | null
  updated_at: string
}

const TERMINAL_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled']

export function isTerminal(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

export function isStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
}

export function isTaskType(value: unknown): value is TaskType {
  return typeof value === 'string' && (TASK_TYPES as readonly string[]).includes(value)
}
