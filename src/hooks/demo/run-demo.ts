// tasktrail demo: a recorded Claude Code session replayed, event by event, through the real
// hook entry point (one `tasktrail hook` process per event, as Claude Code runs them) into
// a throwaway project, printing the checklist each time it changes. No network, no Claude.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { isFields } from '../shape.js'
import { NAS_SESSION, RECORDED_PROJECT } from './nas-session.js'
import { moved, registered, type HooksConfig } from './replay.js'

export interface DemoIo {
  out(text: string): void
  /** The tasktrail CLI script to run (bin/tasktrail.js). */
  cli: string
  env: NodeJS.ProcessEnv
}

function describe(event: Record<string, unknown>): string {
  const name = String(event.hook_event_name)
  const input = isFields(event.tool_input) ? event.tool_input : {}
  const detail = input.subject ?? input.description ?? input.file_path ?? input.command ?? input.taskId ?? event.prompt ?? event.source ?? ''
  const who = event.agent_id ? ' (subagent)' : ''
  return `${name}${event.tool_name ? ` ${String(event.tool_name)}` : ''}${who}${detail ? `: ${String(detail).split('\n')[0]}` : ''}`
}

export function runDemo(io: DemoIo): number {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-demo-')))
  const project = join(dir, 'nas-monitor')
  mkdirSync(project)
  if (spawnSync('git', ['init', '-q', project]).status !== 0) {
    io.out('tasktrail demo needs git to make the throwaway project')
    return 1
  }
  const env: NodeJS.ProcessEnv = { ...io.env, TASKTRAIL_HOME: join(dir, 'home'), CLAUDE_PROJECT_DIR: project, NO_COLOR: '1' }
  delete env.TASKTRAIL_DB
  const config = JSON.parse(readFileSync(resolve(dirname(io.cli), '..', 'hooks', 'hooks.json'), 'utf8')) as HooksConfig
  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, [io.cli, ...args], { cwd: project, env, input, encoding: 'utf8' })

  io.out(`Replaying a recorded Claude Code 2.1.197 session into ${project}\n`)
  let checklist = ''
  for (const recorded of NAS_SESSION) {
    if (!registered(config, recorded)) continue
    const event = moved(recorded, RECORDED_PROJECT, project)
    run(['hook'], JSON.stringify(event))
    io.out(`▸ ${describe(event)}`)
    const now = run(['list', '--all']).stdout
    if (now !== checklist) {
      io.out(now.replace(/^/gm, '    ').trimEnd())
      checklist = now
    }
  }
  io.out(`\nThe checklist: ${join(project, 'TASKS.md')}`)
  io.out(`The store: ${join(dir, 'home', 'tasks.db')} (TASKTRAIL_HOME=${join(dir, 'home')} tasktrail -C ${project} list --all)`)
  return 0
}
