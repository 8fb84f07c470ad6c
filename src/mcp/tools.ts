// The tools the MCP server offers the agent: each runs the CLI command a person would type,
// in the server's process, so it does what the command does and refuses what it refuses, in
// the same words. Their descriptions stay short: every session carries them in its context.
import type { TasktrailTool } from '../hooks/agent-tools.js'
import type { Tool, ToolResult } from './server.js'

/** Runs a CLI command in this process: its exit code and what it printed. */
export type RunCli = (argv: string[]) => Promise<{ code: number; out: string; err: string }>

type Args = Record<string, unknown>

interface Spec {
  name: TasktrailTool
  description: string
  /** Required first, then optional; each a string. */
  required: Record<string, string>
  optional?: Record<string, string>
  argv(args: Record<string, string>): string[]
}

const ID = 'Task id (or an unambiguous prefix)'

const SPECS: Spec[] = [
  {
    name: 'checklist',
    description: "This project's open tasks (in progress, blocked, pending) as a tree, with ids.",
    required: {},
    argv: () => ['list']
  },
  {
    name: 'add_subtask',
    description: 'Add a pending subtask under a task.',
    required: { parent: 'Parent task id', title: 'One line' },
    optional: { description: 'Details' },
    argv: (a) => ['add', a.title!, '--parent', a.parent!, ...(a.description ? ['--description', a.description] : [])]
  },
  {
    name: 'start',
    description: 'Mark a task in progress.',
    required: { id: ID },
    argv: (a) => ['start', a.id!]
  },
  {
    name: 'note',
    description: "Record a task's outcome or a note on it (replaces the previous one); the status is unchanged.",
    required: { id: ID, text: 'The note' },
    argv: (a) => ['note', a.id!, a.text!]
  },
  {
    name: 'block',
    description: 'Mark a task blocked, saying what it waits for.',
    required: { id: ID, reason: 'What it waits for' },
    argv: (a) => ['block', a.id!, '--reason', a.reason!]
  },
  {
    name: 'complete',
    description: 'Mark a task completed, with its outcome.',
    required: { id: ID },
    optional: { outcome: 'What was done' },
    argv: (a) => ['done', a.id!, ...(a.outcome ? ['--outcome', a.outcome] : [])]
  },
  {
    name: 'cancel',
    description: 'Mark a task cancelled (it is kept).',
    required: { id: ID },
    argv: (a) => ['cancel', a.id!]
  }
]

function schema(spec: Spec): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries({ ...spec.required, ...spec.optional }).map(([key, description]) => [key, { type: 'string', description }])
  )
  return { type: 'object', properties, required: Object.keys(spec.required), additionalProperties: false }
}

/** The arguments as strings, or what is wrong with them. */
function strings(spec: Spec, args: Args): Record<string, string> | string {
  const values: Record<string, string> = {}
  for (const key of [...Object.keys(spec.required), ...Object.keys(spec.optional ?? {})]) {
    const value = args[key]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') return `tasktrail: ${key} must be a string`
    values[key] = value
  }
  const missing = Object.keys(spec.required).filter((key) => values[key] === undefined)
  return missing.length ? `tasktrail: ${spec.name} needs ${missing.join(' and ')}` : values
}

export function agentTools(run: RunCli): Tool[] {
  return SPECS.map((spec) => ({
    name: spec.name,
    description: spec.description,
    inputSchema: schema(spec),
    async call(args: Args): Promise<ToolResult> {
      const values = strings(spec, args)
      if (typeof values === 'string') return { text: values, isError: true }
      const { code, out, err } = await run(spec.argv(values))
      return { text: (out + err).trim(), isError: code !== 0 }
    }
  }))
}
