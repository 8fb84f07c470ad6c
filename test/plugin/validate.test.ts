// The plugin as Claude Code's own validator sees it, on both pinned versions: it must pass
// with nothing to warn about (2.1.332 also runs the plugin directory's checks: README,
// LICENSE, icon).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { runClaudeCommand } from '../e2e/claude.js'

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const configDir = mkdtempSync(join(tmpdir(), 'tasktrail-validate-'))
afterAll(() => rmSync(configDir, { recursive: true, force: true }))

test.each(['2.1.197', '2.1.332'] as const)('claude %s plugin validate . passes without warnings', async (version) => {
  const run = await runClaudeCommand(version, ['plugin', 'validate', REPO_ROOT], configDir)
  const output = run.stdout + run.stderr
  expect(run.exitCode, output).toBe(0)
  expect(output).toContain('✔ Validation passed\n')
  expect(output).not.toMatch(/warning|⚠|✘/i)
}, 60_000)
