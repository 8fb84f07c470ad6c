import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HostGeneration } from './claude.js'
import type { HookEvent } from './recording-plugin.js'

// The real hook stdin recorded from each host generation (see test/fixtures/claude-code/), the
// ground truth that the e2e harness and the hook adapters are checked against.

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'claude-code')

export const RECORDING_FILES: Record<HostGeneration, string> = {
  '2.1.197-task-tools': 'cc-2.1.197-task-tools.events.jsonl',
  '2.1.197-todowrite': 'cc-2.1.197-todowrite.events.jsonl',
  '2.1.332-enable-todo-tools': 'cc-2.1.332-enable-todo-tools.events.jsonl',
  '2.1.332-default': 'cc-2.1.332-default-no-task-tools.events.jsonl',
}

export function readRecording(host: HostGeneration): HookEvent[] {
  return readFileSync(join(FIXTURES_DIR, RECORDING_FILES[host]), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as HookEvent)
}
