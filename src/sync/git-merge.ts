// The git merge driver for TASKS.md: merges the two sides by task id with the same planner
// and rules as sync (ours plays the file, theirs the store), and splices theirs' changes into
// ours, so our layout survives. The parser is handed in: only `tasktrail merge-driver` loads it.
import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newTaskId } from '../model/ids.js'
import { readText } from './atomic.js'
import { fileTasks, linesOf } from './lines.js'
import { applyEdits, hasConflictMarkers, type ParsedTasks, type Parser } from './markdown.js'
import { LINE_FIELDS, planSync, type Conflict, type StoreChange } from './merge.js'

export interface DriverResult {
  merged: string | null
  conflicts: Conflict[]
  /** Why the driver left the merge to git, when it did. */
  refused?: string
}

/**
 * Merges theirs into ours against the common ancestor; null merged when it cannot. The parser
 * is passed in (loaded lazily by the caller), so this file does not carry a copy of remark.
 */
function mergeTaskFiles({ parse }: Parser, ancestor: string, ours: string, theirs: string): DriverResult {
  for (const [side, text] of [['ancestor', ancestor], ['ours', ours], ['theirs', theirs]] as const) {
    if (hasConflictMarkers(text) !== null) return { merged: null, conflicts: [], refused: `${side} has conflict markers` }
  }
  const [base, mine] = [parse(ancestor), parse(ours)]
  const other = withNewLineIds(theirs, parse(theirs), [base, mine])
  const baseLines = linesOf(base)
  const theirLines = linesOf(other)
  const changes = new Map<string, StoreChange>()
  for (const [id, line] of theirLines) {
    const was = baseLines.get(id)
    changes.set(id, { fields: new Set(LINE_FIELDS.filter((f) => !was || was[f] !== line[f])), created: !was, deleted: false })
  }
  for (const id of baseLines.keys()) if (!theirLines.has(id)) changes.set(id, { fields: new Set(), created: false, deleted: true })
  const plan = planSync({
    base: baseLines,
    file: fileTasks(mine),
    storeChanges: changes,
    storeTask: (id) => theirLines.get(id),
    belongsHere: () => true,
    // Lines without ids stay without: giving ids is sync's job, not the merge's.
    newId: () => ''
  })
  const edits = plan.toFile.filter((e) => e.kind !== 'assignId')
  const merged = edits.length ? applyEdits(ours, mine, edits).source : ours
  return { merged, conflicts: plan.conflicts }
}

/**
 * Theirs with an id on each line they added without one, so the merge carries those lines
 * over as new tasks. An id-less line that the ancestor or ours also has (same title) is not
 * theirs' addition and stays as it is.
 */
function withNewLineIds(theirs: string, parsed: ParsedTasks, others: ParsedTasks[]): ParsedTasks {
  const known = new Set(others.flatMap((file) => file.tasks.filter((t) => t.id === null).map((t) => t.title)))
  const edits = parsed.tasks.flatMap((task, index) => (task.id === null && !known.has(task.title) ? [{ kind: 'assignId' as const, task: index, id: newTaskId() }] : []))
  return edits.length ? applyEdits(theirs, parsed, edits).parsed : parsed
}

/** `tasktrail merge-driver %O %A %B %P`: writes the merge into %A; exit 1 leaves the conflict to git. */
export function runMergeDriver(parser: Parser, ancestorPath: string, oursPath: string, theirsPath: string): DriverResult {
  const result = mergeTaskFiles(parser, readFileSync(ancestorPath, 'utf8'), readFileSync(oursPath, 'utf8'), readFileSync(theirsPath, 'utf8'))
  if (result.merged !== null) writeFileSync(oursPath, result.merged)
  return result
}

const DRIVER_ARGS = 'merge-driver %O %A %B %P'

/** How a driver runs this CLI: by its path, so any tasktrail install in the repository works. */
export const cliCommand = (cli: string): string => `node ${JSON.stringify(cli)}`

/** The driver git runs: `command` with the files of the merge. */
export const driverOf = (command: string): string => `${command} ${DRIVER_ARGS}`

function gitConfig(root: string, key: string, value: string): void {
  const run = spawnSync('git', ['config', key, value], { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`git config ${key} failed: ${run.stderr.trim()}`)
}

/**
 * Makes git merge TASKS.md with tasktrail in the work tree `root`: the driver in the
 * repository's config, the attribute in .gitattributes (committed, so clones know it).
 */
export function installMergeDriver(root: string, command = 'tasktrail'): void {
  gitConfig(root, 'merge.tasktrail.name', 'tasktrail: merge TASKS.md by task id')
  gitConfig(root, 'merge.tasktrail.driver', driverOf(command))
  const attributes = join(root, '.gitattributes')
  const current = readText(attributes) ?? ''
  if (!/^TASKS\.md\s+.*merge=tasktrail/m.test(current)) {
    appendFileSync(attributes, `${current === '' || current.endsWith('\n') ? '' : '\n'}TASKS.md merge=tasktrail\n`)
  }
}

/** The CLI path in a driver value `tasktrail init` set, as `git config` prints it; undefined for any other value. */
export function cliOfDriver(value: string): string | undefined {
  const quoted = new RegExp(`^node ("(?:[^"\\\\]|\\\\.)*") ${DRIVER_ARGS}$`).exec(value)?.[1]
  if (quoted === undefined) return undefined
  try {
    return JSON.parse(quoted) as string
  } catch {
    // Written by hand ("C:\path" is no JSON string): not one init set.
    return undefined
  }
}

/** The CLI path of the driver `tasktrail init` registered, read from the repository's config text. */
function registeredCli(configText: string): string | undefined {
  for (const line of configText.split('\n')) {
    // git writes the value's quotes and backslashes escaped.
    const value = /^\s*driver\s*=\s*(.*?)\s*$/.exec(line)?.[1]?.replace(/\\(["\\])/g, '$1')
    const cli = value === undefined ? undefined : cliOfDriver(value)
    if (cli !== undefined) return cli
  }
  return undefined
}

/**
 * Points the driver at `cli` when the CLI it names is gone (a plugin updated into another
 * directory): git would fail to run it and leave TASKS.md conflicted. Reads the config as
 * text; git runs only to rewrite it. Returns the path it replaced, if it did.
 */
export function repointMergeDriver(commonDir: string, root: string, cli: string): string | undefined {
  const registered = registeredCli(readText(join(commonDir, 'config')) ?? '')
  if (registered === undefined || registered === cli || existsSync(registered)) return undefined
  gitConfig(root, 'merge.tasktrail.driver', driverOf(cliCommand(cli)))
  return registered
}
