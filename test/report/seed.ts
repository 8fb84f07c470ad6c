// An example MSP store for the report tests: a consultant's two days for two clients, with a
// request split into steps, an agent run, a task marked not billable and a Development-mode
// project that is never billed. Written with its own clock so the logged events fall on the
// two working days before the store's today.
import type { MeasuredRun } from '../../src/billing/time.js'
import type { Complexity, TaskType } from '../../src/model/task.js'
import { linkRepo } from '../../src/store/link.js'
import { Store, type Repo } from '../../src/store/store.js'

interface Step {
  title: string
  type: TaskType
  complexity?: Complexity
  request?: string
  /** Minutes after the previous step ended that this one starts. */
  after: number
  /** Files written, one every `pace` minutes (the activity that keeps the session active; under the 10-minute idle limit). */
  files: string[]
  pace?: number
  outcome?: string
  agent?: { name: string; minutes: number }
  billable?: false
  steps?: Step[]
}

const DAY_ONE: Step[] = [
  {
    title: 'Set up NAS sync monitoring', type: 'implementation', complexity: 'medium', after: 0, files: [],
    request: 'Set up monitoring for the Dataforth NAS, alert if sync fails',
    outcome: 'Sync-FromNAS is checked every 15 minutes; a failed or stale sync e-mails the helpdesk',
    steps: [
      { title: 'Research current sync system', type: 'research', complexity: 'low', after: 1, files: ['notes/nas-sync.md'], agent: { name: 'general-purpose', minutes: 9 }, outcome: 'Sync-FromNAS.ps1 runs every 15 min on AD2' },
      { title: 'Write the monitor script', type: 'implementation', complexity: 'medium', after: 1, files: ['scripts/Check-NasSync.ps1', 'scripts/alert.config.json', 'scripts/Send-Alert.ps1', 'scripts/install-task.ps1'], pace: 6 },
      { title: 'Test the alert with a stopped sync', type: 'testing', complexity: 'low', after: 1, files: ['logs/test-run-1.txt', 'logs/test-run-2.txt'], pace: 5 }
    ]
  },
  {
    title: 'Fix nightly backup failing on AD2', type: 'bugfix', complexity: 'medium', after: 95, files: ['backup/job.xml', 'backup/retention.ps1', 'backup/acl-fix.ps1', 'logs/backup-rerun.txt'], pace: 7,
    request: 'The nightly backup on AD2 has failed three nights in a row, "access denied"', outcome: 'Service account had lost write access to \\\\NAS\\backup; restored it and re-ran the job'
  }
]

const DAY_TWO: Step[] = [
  { title: 'Review firewall rules for the new VPN', type: 'review', complexity: 'low', after: 0, files: ['firewall/rules-2025.csv', 'firewall/review.md'], pace: 8, outcome: 'Two "any/any" rules removed; VPN subnet limited to RDP and SMB' },
  { title: 'Document the NAS monitor for Dataforth staff', type: 'documentation', complexity: 'low', after: 5, files: ['docs/nas-monitor.md', 'docs/nas-monitor-faq.md'], pace: 6, outcome: 'One-page guide: what the alert means, whom to call' },
  { title: 'Tidy my own script templates', type: 'implementation', after: 4, files: ['templates/check.ps1'], pace: 5, billable: false }
]

const NORTHWIND: Step[] = [
  { title: 'Add a new starter to Microsoft 365', type: 'deployment', complexity: 'low', after: 0, files: ['users/new-starter.csv'], pace: 4, request: 'Please set up an account for Ana Ruiz, starting Monday', outcome: 'Mailbox, licence and Teams for Ana Ruiz; password sent by SMS' }
]

const WEBSITE: Step[] = [
  { title: 'Write the pricing page', type: 'implementation', complexity: 'medium', after: 0, files: ['site/pricing.html', 'site/pricing.css'], pace: 7 }
]

/** Seeds the example into the store's database and returns the ids of the requests it made. */
export function seedMspExample(store: Store): string[] {
  const today = new Date(store.now())
  const dayStart = (daysBack: number, hour: number) =>
    new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysBack, hour).getTime()
  let clock = 0
  const seeded = new Store(store.db, () => new Date(clock).toISOString())
  const link = (key: string, client: string | null, project: string | null): Repo =>
    linkRepo(seeded, seeded.repo(key, key.replace(/\/\.git$/, '')), client ? { client, project: null } : project ? { client: null, project } : { client: null, project: null })

  seeded.setRoundingRule('Dataforth', { increment_minutes: 6, minimum_minutes: 15, rounding: 'up' })
  seeded.setRoundingRule('Northwind Traders', { increment_minutes: 15, minimum_minutes: 15, rounding: 'nearest' })
  const dataforth = link('/home/dev/dataforth-it/.git', 'Dataforth', null)
  const northwind = link('/home/dev/northwind/.git', 'Northwind Traders', null)
  const website = link('/home/dev/my-website/.git', null, 'My website')

  const requests: string[] = []
  const work = (repo: Repo, session: string, steps: Step[], parent: string | null) => {
    // Plan first, as an agent does: the request completes by roll-up once its last step is done.
    const ids = new Map<Step, string>()
    for (const step of steps) {
      const task = seeded.createTask(repo.id, {
        title: step.title, parent_task_id: parent, task_type: step.type, estimated_complexity: step.complexity ?? null,
        session_id: session, client: repo.client, project: repo.project,
        task_context: { ...(step.request ? { user_request: step.request } : {}), ...(step.billable === false ? { billable: false } : {}) }
      }, 'hook')
      if (!parent) requests.push(task.id)
      ids.set(step, task.id)
    }
    for (const step of steps) {
      const task = seeded.requireTask(ids.get(step)!)
      clock += step.after * 60_000
      seeded.setStatus(task.id, 'in_progress', 'hook')
      if (step.agent) {
        const started = new Date(clock).toISOString()
        clock += step.agent.minutes * 60_000
        const run: MeasuredRun = { agent: step.agent.name, started, completed: new Date(clock).toISOString(), status: 'completed', duration_ms: step.agent.minutes * 60_000 }
        seeded.updateContext(task.id, { assigned_agents: [run] }, 'hook')
      }
      for (const file of step.files) {
        clock += (step.pace ?? 3) * 60_000
        seeded.addToContextList(task.id, 'files_modified', file, 'hook')
      }
      if (step.steps) work(repo, session, step.steps, task.id)
      clock += 60_000
      if (step.outcome) seeded.updateContext(task.id, { outcome: step.outcome }, 'hook')
      if (seeded.getTask(task.id)!.status !== 'completed') seeded.setStatus(task.id, 'completed', 'hook')
    }
  }
  clock = dayStart(2, 9)
  work(dataforth, 'demo-dataforth-1', DAY_ONE, null)
  clock = dayStart(1, 9)
  work(dataforth, 'demo-dataforth-2', DAY_TWO, null)
  clock = dayStart(1, 14)
  work(northwind, 'demo-northwind-1', NORTHWIND, null)
  clock = dayStart(1, 16)
  work(website, 'demo-website-1', WEBSITE, null)
  return requests
}
