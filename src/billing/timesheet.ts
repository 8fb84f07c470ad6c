// How a work item reads on a timesheet: the category of its task's type and the day it is dated.
import { TASK_TYPES, type TaskType } from '../model/task.js'

const CATEGORY: Record<TaskType, string> = {
  implementation: 'Implementation',
  research: 'Research',
  review: 'Review',
  testing: 'Testing',
  deployment: 'Deployment',
  documentation: 'Documentation',
  bugfix: 'Bug fix',
  analysis: 'Analysis'
}
const GENERAL = 'General'

export function categoryOf(type: TaskType | null): string {
  return type && (TASK_TYPES as readonly string[]).includes(type) ? CATEGORY[type] : GENERAL
}

/** The local calendar day of a timestamp, YYYY-MM-DD. */
export function localDate(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
