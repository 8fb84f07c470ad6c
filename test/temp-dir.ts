// Every temp dir of a run, the tests' own and those of the CLIs they start (Claude Code, Codex,
// Gemini CLI and Chromium honour TMPDIR too), lies in one directory made for this run, removed
// when it ends: a run leaves nothing in /tmp and touches nothing another run made.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tasktrail-run-'))
  // The workers start after this and inherit it; os.tmpdir() reads it.
  process.env.TMPDIR = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
