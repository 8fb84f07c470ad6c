// The Workflow tool (2.1.332; 2.1.197 offers it too): a script run in the background. Its
// literal `meta` names the workflow and its phases; each agent() in it is a subagent whose
// hook events say only `agent_type: "workflow-subagent"` and its agent_id. Its label and
// phase are on disk, in the run's transcriptDir: journal.jsonl (a "started" line written
// before SubagentStart) and agent-<id>.meta.json (from the agent's first tool call on). The
// run ends with a <task-notification> naming the Workflow call.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isTerminal } from '../../model/task.js'
import type { PostToolUseEvent, SubagentStartEvent, SubagentStopEvent } from '../event.js'
import { actingTaskId, type HookContext } from '../context.js'
import { BLOCKER_LIMIT, OUTCOME_LIMIT } from '../limits.js'
import { isFields, optionalString, ShapeError } from '../shape.js'
import type { WorkflowRun } from '../state.js'
import type { TaskNotification } from '../task-notification.js'
import { inferTaskType } from '../task-type.js'
import { clip, oneLine, taskTitle } from '../text.js'
import { workflowMeta, type WorkflowMeta } from '../workflow-meta.js'

export const WORKFLOW_AGENT = 'workflow-subagent'

/** The meta literal of the script, else what the response says of the workflow (no phases). */
function metaOf(event: PostToolUseEvent): WorkflowMeta {
  const response = isFields(event.tool_response) ? event.tool_response : {}
  const fallback = { name: optionalString(response, 'workflowName'), description: optionalString(response, 'summary'), phases: [] }
  const script = optionalString(event.tool_input, 'script')
  try {
    return script ? workflowMeta(script) : fallback
  } catch (error) {
    if (error instanceof ShapeError) return fallback
    throw error
  }
}

/** PostToolUse Workflow: the workflow is a task, its phases its subtasks in order. */
export function workflowLaunched(event: PostToolUseEvent, ctx: HookContext): void {
  if (ctx.state.workflowByToolUse(event.session_id, event.tool_use_id)) return
  const meta = metaOf(event)
  const response = isFields(event.tool_response) ? event.tool_response : {}
  const title = meta.name ?? meta.description ?? 'Workflow'
  const workflow = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(title),
      description: meta.description && meta.description !== title ? meta.description : null,
      parent_task_id: actingTaskId(ctx, event, `Workflow ${meta.name ?? ''} ${meta.description ?? ''}`),
      status: 'in_progress',
      task_context: { agent_run: true },
      session_id: event.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  const phases: Record<string, string> = {}
  for (const phase of meta.phases) {
    if (phases[phase.title]) continue
    phases[phase.title] = ctx.store.createTask(
      ctx.repo.id,
      {
        title: taskTitle(phase.title),
        description: phase.detail ?? null,
        parent_task_id: workflow.id,
        task_type: inferTaskType(`${phase.title} ${phase.detail ?? ''}`),
        session_id: event.session_id,
        client: ctx.repo.client,
        project: ctx.repo.project
      },
      'hook'
    ).id
  }
  const run: WorkflowRun = { tool_use_id: event.tool_use_id, task_id: workflow.id, phases, transcript_dir: optionalString(response, 'transcriptDir') ?? null }
  ctx.state.addWorkflow(event.session_id, run)
  adoptEarlyAgents(ctx, event.session_id, run)
}

/**
 * Hooks of one session run side by side: a workflow's first SubagentStart can reach the store
 * before its PostToolUse Workflow. Such a run was made under the request; it moves under its
 * phase now that the workflow and its transcriptDir are known.
 */
function adoptEarlyAgents(ctx: HookContext, sessionId: string, workflow: WorkflowRun): void {
  const placed = new Set(ctx.state.sessionWorkflows(sessionId).flatMap((w) => [w.task_id, ...Object.values(w.phases)]))
  for (const agent of ctx.state.workflowAgentRuns(sessionId, WORKFLOW_AGENT)) {
    const task = ctx.store.getTask(agent.task_id)
    if (!task || !agent.agent_id || (task.parent_task_id && placed.has(task.parent_task_id))) continue
    const label = workflow.transcript_dir ? labelInDir(workflow.transcript_dir, agent.agent_id) : undefined
    const { title, parent } = placeRun(workflow, label)
    ctx.store.updateTask(task.id, { title: taskTitle(title), parent_task_id: parent }, 'hook', 'its workflow became known')
    if (label?.label) ctx.store.updateContext(task.id, { workflow_label: label.label }, 'hook')
    if (parent !== workflow.task_id) startPhase(ctx, parent)
    completePhaseIfDone(ctx, sessionId, parent)
  }
}

function startPhase(ctx: HookContext, phaseId: string): void {
  if (ctx.store.getTask(phaseId)?.status === 'pending') ctx.store.setStatus(phaseId, 'in_progress', 'hook', { note: 'an agent of the phase started' })
}

interface AgentLabel {
  label: string | undefined
  phase: string | undefined
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** An agent's `.meta.json`: description = its label, workflowPhase = its phase. */
function labelFromMeta(path: string): AgentLabel | undefined {
  const text = readText(path)
  if (text === undefined) return undefined
  try {
    const meta: unknown = JSON.parse(text)
    if (!isFields(meta)) return undefined
    return { label: optionalString(meta, 'description'), phase: optionalString(meta, 'workflowPhase') }
  } catch {
    return undefined
  }
}

/** The agent's label and phase from the run's journal, else its .meta.json. */
function labelInDir(dir: string, agentId: string): AgentLabel | undefined {
  for (const line of (readText(join(dir, 'journal.jsonl')) ?? '').split('\n')) {
    if (!line.includes(agentId)) continue
    try {
      const entry: unknown = JSON.parse(line)
      if (isFields(entry) && entry.type === 'started' && entry.agentId === agentId) {
        return { label: optionalString(entry, 'label'), phase: optionalString(entry, 'phase') }
      }
    } catch {
      // A line being written as we read: the .meta.json may know.
    }
  }
  return labelFromMeta(join(dir, `agent-${agentId}.meta.json`))
}

function placeRun(workflow: WorkflowRun, label: AgentLabel | undefined): { title: string; parent: string } {
  return {
    title: label?.label ?? 'Workflow agent',
    parent: (label?.phase && workflow.phases[label.phase]) || workflow.task_id
  }
}

/** SubagentStart of a workflow's agent: a run task under its phase, titled with its label. */
export function workflowAgentStarted(event: SubagentStartEvent, ctx: HookContext): void {
  const workflows = ctx.state.openWorkflows(event.session_id)
  let workflow = workflows[0]
  let label: AgentLabel | undefined
  for (const candidate of workflows) {
    label = candidate.transcript_dir ? labelInDir(candidate.transcript_dir, event.agent_id) : undefined
    if (label) {
      workflow = candidate
      break
    }
  }
  // Before its workflow is known (adoptEarlyAgents): under the request for now.
  const { title, parent } = workflow
    ? placeRun(workflow, label)
    : { title: 'Workflow agent', parent: actingTaskId(ctx, { session_id: event.session_id, prompt_id: event.prompt_id, agent_id: undefined }) }
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(title),
      parent_task_id: parent,
      status: 'in_progress',
      task_type: inferTaskType(title),
      assigned_agent: WORKFLOW_AGENT,
      task_context: label?.label ? { agent_run: true, workflow_label: label.label } : { agent_run: true },
      session_id: event.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  const key = `workflow:${event.agent_id}`
  ctx.state.addAgentRun(event.session_id, key, WORKFLOW_AGENT, task.id)
  ctx.state.bindAgent(event.session_id, key, event.agent_id)
}

/**
 * SubagentStop of a workflow's agent (its run is already completed): a run whose label was not
 * on disk yet at its start takes it from its .meta.json now; its phase completes when its
 * last open run did.
 */
export function workflowAgentStopped(event: SubagentStopEvent, ctx: HookContext, runTaskId: string): void {
  let run = ctx.store.requireTask(runTaskId)
  const workflow = ctx.state.openWorkflows(event.session_id).find((w) => w.task_id === run.parent_task_id)
  if (workflow && run.task_context.workflow_label === undefined && event.agent_transcript_path) {
    const label = labelFromMeta(event.agent_transcript_path.replace(/\.jsonl$/, '.meta.json'))
    if (label?.label) {
      const { title, parent } = placeRun(workflow, label)
      run = ctx.store.updateTask(run.id, { title: taskTitle(title), parent_task_id: parent }, 'hook', 'its label, read at its end')
      ctx.store.updateContext(run.id, { workflow_label: label.label }, 'hook')
    }
  }
  if (run.parent_task_id) completePhaseIfDone(ctx, event.session_id, run.parent_task_id)
}

function completePhaseIfDone(ctx: HookContext, sessionId: string, phaseId: string): void {
  if (!ctx.state.workflowOfPhase(sessionId, phaseId)) return
  const phase = ctx.store.getTask(phaseId)
  if (!phase || isTerminal(phase.status)) return
  if (ctx.store.children(phaseId).some((child) => !isTerminal(child.status))) return
  ctx.store.setStatus(phaseId, 'completed', 'hook', { note: 'its agent runs are done' })
}

/** A <task-notification> for a Workflow call: the workflow ended. Its task id, or undefined. */
export function workflowNotified(notification: TaskNotification, sessionId: string, ctx: HookContext): string | undefined {
  const workflow = notification.toolUseId ? ctx.state.workflowByToolUse(sessionId, notification.toolUseId) : undefined
  if (!workflow) return undefined
  const task = ctx.store.getTask(workflow.task_id)
  if (!task) return undefined
  if (notification.status !== 'completed') {
    if (!isTerminal(task.status)) {
      const reason = `Workflow ended ${notification.status ?? 'without a status'}: ${notification.summary ?? ''}`
      ctx.store.setStatus(task.id, 'blocked', 'hook', { reason: clip(oneLine(reason), BLOCKER_LIMIT) })
    }
    return task.id
  }
  for (const phaseId of Object.values(workflow.phases)) {
    const phase = ctx.store.getTask(phaseId)
    if (phase && !isTerminal(phase.status)) ctx.store.setStatus(phaseId, 'completed', 'hook', { note: 'the workflow completed' })
  }
  if (!isTerminal(ctx.store.requireTask(task.id).status)) ctx.store.setStatus(task.id, 'completed', 'hook', { note: 'the workflow completed' })
  const context: Record<string, string | number> = {}
  if (notification.result) context.outcome = clip(notification.result.trim(), OUTCOME_LIMIT)
  if (notification.durationMs !== undefined) context.duration_ms = notification.durationMs
  ctx.store.updateContext(task.id, context, 'hook')
  return task.id
}
