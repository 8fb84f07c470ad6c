import { join } from 'node:path'
import type { HostGeneration } from './claude.js'
import { PLAN_FILE, text, toolUse, waitForAgents, type AgentsGate, type Scenario, type Turn } from './fake-anthropic.js'

// The scripted sessions behind the recordings in test/fixtures/claude-code/: the user asks for
// NAS monitoring; the agent plans tasks, runs one subagent that writes a file, writes and edits
// a script, runs a command that fails (exit 3), deletes one task and makes one wait on another.
// Each is built for a project directory, since the tools need absolute paths in it.

export const NAS_PROMPT = 'Set up monitoring for the Dataforth NAS, alert if sync fails'
/** The prompt the main thread gives the Agent tool; it tells the subagent's requests apart. */
export const AGENT_PROMPT = 'AGENT-RESEARCH: find the sync script'
export const AGENT_RESULT = 'Found: PowerShell script on AD2, syncs every 15 min'
export const FINAL_MESSAGE = 'Monitoring script written; deployment waits on it.'

export const SCRIPT_FILE = 'monitor-nas-sync.ps1'
export const NOTES_FILE = join('notes', 'sync.md')
const SCRIPT_CONTENT = '$age = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime\n'
const NOTES_CONTENT = 'Sync-FromNAS.ps1 runs every 15 min on AD2\n'

export function nasMonitoringScenario(host: HostGeneration, projectDir: string): Scenario {
  switch (host) {
    case '2.1.197-task-tools':
      return { prompt: NAS_PROMPT, main: taskToolsTurns(projectDir, 'synchronous'), agents: researchAgent(projectDir) }
    case '2.1.332-enable-todo-tools':
      return {
        prompt: NAS_PROMPT,
        main: [[toolUse('ToolSearch', { query: 'select:TaskCreate,TaskUpdate,TaskList', max_results: 5 })], ...taskToolsTurns(projectDir, 'background')],
        agents: researchAgent(projectDir),
      }
    case '2.1.332-default':
      // The same script as with task tools: the model's task-tool calls fail before any hook.
      // The recording was made with this prompt rather than NAS_PROMPT.
      return {
        prompt: 'Implement authentication for the API',
        main: taskToolsTurns(projectDir, 'background'),
        agents: researchAgent(projectDir),
      }
    case '2.1.197-todowrite':
      return todoWriteScenario(projectDir)
  }
}

/**
 * A later prompt in the same project, for a second session (new, or `--continue`): it reads the
 * script the first session wrote, so it needs that session to have run first.
 */
export function secondSessionScenario(projectDir: string): Scenario {
  return {
    prompt: 'What is left to do for the NAS monitoring?',
    main: [
      [text('Let me look at the script.'), toolUse('Read', { file_path: join(projectDir, SCRIPT_FILE) })],
      [text('Deployment still waits on the monitoring script.')],
    ],
  }
}

function researchAgent(projectDir: string): Record<string, Turn[]> {
  return {
    [AGENT_PROMPT]: [[toolUse('Write', { file_path: join(projectDir, NOTES_FILE), content: NOTES_CONTENT })], [text(AGENT_RESULT)]],
  }
}

const agentCall = toolUse('Agent', { description: 'Research NAS sync', prompt: AGENT_PROMPT, subagent_type: 'general-purpose' })

// With a background agent (2.1.332) the main thread waits for it before running the failing
// command, so the agent's task notification comes back before the main thread ends, as in the
// recordings.
function taskToolsTurns(projectDir: string, agentRuns: 'synchronous' | 'background'): (Turn | AgentsGate)[] {
  const script = join(projectDir, SCRIPT_FILE)
  return [
    [toolUse('TaskCreate', { subject: 'Research current sync system', description: 'Find how the NAS sync runs today', activeForm: 'Researching sync system' })],
    [
      toolUse('TaskCreate', {
        subject: 'Implement monitoring script',
        description: 'Check _SYNC_STATUS.txt age',
        activeForm: 'Implementing monitoring script',
        metadata: { client: 'Dataforth' },
      }),
    ],
    [toolUse('TaskCreate', { subject: 'Deploy to production', description: 'DattoRMM component', activeForm: 'Deploying' })],
    [toolUse('TaskCreate', { subject: 'Obsolete idea', description: 'created by mistake', activeForm: '-' })],
    [toolUse('TaskUpdate', { taskId: '3', addBlockedBy: ['2'] })],
    [toolUse('TaskUpdate', { taskId: '4', status: 'deleted' })],
    [toolUse('TaskUpdate', { taskId: '1', status: 'in_progress', owner: 'explorer' })],
    [agentCall],
    [toolUse('TaskUpdate', { taskId: '1', status: 'completed' })],
    [toolUse('TaskUpdate', { taskId: '2', status: 'in_progress' })],
    [toolUse('Write', { file_path: script, content: SCRIPT_CONTENT })],
    [toolUse('Edit', { file_path: script, old_string: '$age', new_string: '$syncAge', replace_all: false })],
    ...(agentRuns === 'background' ? [waitForAgents()] : []),
    [toolUse('Bash', { command: 'exit 3', description: 'Run the monitor once' })],
    [toolUse('TaskList', {})],
    [text(FINAL_MESSAGE)],
  ]
}

// TodoWrite rewrites the whole list each call: the second call completes one item, renames
// another ("Design monitoring approach" gains a suffix) and drops a third ("Deploy to production").
function todoWriteScenario(projectDir: string): Scenario {
  return {
    prompt: NAS_PROMPT,
    main: [
      [
        toolUse('TodoWrite', {
          todos: [
            { content: 'Research current sync system', status: 'in_progress', activeForm: 'Researching sync system' },
            { content: 'Design monitoring approach', status: 'pending', activeForm: 'Designing monitoring' },
            { content: 'Implement monitoring script', status: 'pending', activeForm: 'Implementing monitoring script' },
            { content: 'Deploy to production', status: 'pending', activeForm: 'Deploying' },
          ],
        }),
      ],
      [agentCall],
      [
        toolUse('TodoWrite', {
          todos: [
            { content: 'Research current sync system', status: 'completed', activeForm: 'Researching sync system' },
            { content: 'Design monitoring approach (check _SYNC_STATUS.txt age)', status: 'in_progress', activeForm: 'Designing monitoring' },
            { content: 'Implement monitoring script', status: 'pending', activeForm: 'Implementing monitoring script' },
          ],
        }),
      ],
      [toolUse('Write', { file_path: join(projectDir, SCRIPT_FILE), content: '# monitor\n' })],
      [text('Research done, design under way.')],
    ],
    // In this recording the subagent answered without using a tool.
    agents: { [AGENT_PROMPT]: [[text(AGENT_RESULT)]] },
  }
}

// ---- plan mode and workflows (interactive; the captures cc-2.1.*-plan-mode, cc-2.1.332-workflow) ----

export const PLAN = [
  '# NAS sync monitoring for Dataforth',
  '',
  'The nightly sync from the Dataforth NAS fails silently: nobody notices until files are missing. A small check that reads the sync status file and raises an alert when the last sync is too old closes that gap.',
  '',
  '1. Research how the NAS sync runs today',
  '2. Write a monitoring script that checks _SYNC_STATUS.txt age',
  '3. Deploy the script as a DattoRMM component with an alert',
  ''
].join('\n')
export const DEPLOY_FILE = join('deploy', 'dattormm-component.json')
const DEPLOY_CONTENT = '{"name": "Monitor NAS sync", "alert": "exit 1"}\n'
const FULL_SCRIPT = SCRIPT_CONTENT + 'if ($age.TotalMinutes -gt 60) { exit 1 }\n'
export const PLAN_FINAL = 'Monitoring script written and packaged as a DattoRMM component; it alerts when the sync is older than an hour.'

/** Plan mode: the plan written to the plan file, approved, then the work it planned. */
export function planModeScenario(version: '2.1.197' | '2.1.332', projectDir: string): Scenario {
  const research = toolUse('Agent', { description: 'Research NAS sync', prompt: AGENT_PROMPT, subagent_type: 'general-purpose' })
  const writes: Turn[] = [
    [toolUse('Write', { file_path: join(projectDir, SCRIPT_FILE), content: FULL_SCRIPT })],
    [toolUse('Write', { file_path: join(projectDir, DEPLOY_FILE), content: DEPLOY_CONTENT })],
    [text(PLAN_FINAL)]
  ]
  const planning: Turn[] = [
    ...(version === '2.1.332' ? [[toolUse('ToolSearch', { query: 'select:EnterPlanMode,ExitPlanMode', max_results: 5 })]] : []),
    [toolUse('EnterPlanMode')],
    [toolUse('Write', { file_path: PLAN_FILE, content: PLAN })],
    [toolUse('ExitPlanMode')],
    [research]
  ]
  // 2.1.332 runs the agent in the background: the turn ends, its notification starts the next.
  const waiting: Turn[] = version === '2.1.332' ? [[text('The research agent is looking at the current sync; I will continue when it reports.')]] : []
  return { prompt: NAS_PROMPT, main: [...planning, ...waiting, ...writes], agents: researchAgent(projectDir) }
}

export const WORKFLOW_PROMPT = `${NAS_PROMPT}. Use a workflow.`
export const WORKFLOW_SCRIPT = `export const meta = {
  name: 'nas-sync-monitoring',
  description: 'Research, implement and deploy monitoring for the Dataforth NAS sync',
  phases: [{ title: 'Research' }, { title: 'Implement' }, { title: 'Deploy' }],
}
phase('Research')
const sync = await agent('AGENT-NAS-RESEARCH: find how the NAS sync runs today', { label: 'research:sync', phase: 'Research' })
phase('Implement')
const script = await agent('AGENT-NAS-IMPLEMENT: write a monitoring script that checks _SYNC_STATUS.txt age', { label: 'implement:monitor', phase: 'Implement' })
phase('Deploy')
const deployed = await agent('AGENT-NAS-DEPLOY: package the script as a DattoRMM component with an alert', { label: 'deploy:dattormm', phase: 'Deploy' })
return { sync, script, deployed }
`
export const WORKFLOW_FINAL = 'Done: the sync runs every 15 min on AD2, monitor-nas-sync.ps1 checks its status file, and a DattoRMM component alerts when it is stale.'

/** A workflow of three phases, one agent each; the notification of its end starts the last turn. */
export function workflowScenario(projectDir: string): Scenario {
  return {
    prompt: WORKFLOW_PROMPT,
    main: [
      [toolUse('Workflow', { script: WORKFLOW_SCRIPT })],
      [text('The NAS monitoring workflow is running; I will report when it finishes.')],
      [text(WORKFLOW_FINAL)]
    ],
    agents: {
      'AGENT-NAS-RESEARCH': [[text('Sync-FromNAS.ps1 runs every 15 min on AD2 and writes _SYNC_STATUS.txt')]],
      'AGENT-NAS-IMPLEMENT': [[toolUse('Write', { file_path: join(projectDir, SCRIPT_FILE), content: FULL_SCRIPT })], [text('monitor-nas-sync.ps1 written')]],
      'AGENT-NAS-DEPLOY': [[toolUse('Write', { file_path: join(projectDir, DEPLOY_FILE), content: DEPLOY_CONTENT })], [text('DattoRMM component packaged with an alert on exit 1')]]
    }
  }
}
