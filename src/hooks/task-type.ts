// The type of a task Claude planned, from the words of its subject: the first word that
// names a kind of work decides ("Review the deploy script" is a review).
import { isTaskType, type TaskType } from '../model/task.js'

const WORDS: ReadonlyArray<[RegExp, TaskType]> = [
  [/^review/, 'review'],
  [/^test/, 'testing'],
  [/^deploy/, 'deployment'],
  [/^(research|investigat)/, 'research'],
  [/^(document|docs?$)/, 'documentation'],
  [/^(fix|bug)/, 'bugfix'],
  [/^(design|analy[sz])/, 'analysis'],
  [/^implement/, 'implementation']
]

export function inferTaskType(subject: string): TaskType | null {
  for (const word of subject.toLowerCase().split(/[^a-z]+/)) {
    for (const [pattern, type] of WORDS) if (pattern.test(word)) return type
  }
  return null
}

/** metadata.type when it names a task type, else the type the subject's words suggest. */
export function taskTypeOf(subject: string, metadataType: string | undefined): TaskType | null {
  return isTaskType(metadataType) ? metadataType : inferTaskType(subject)
}
