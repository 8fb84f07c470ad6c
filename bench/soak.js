// npm run soak: the attacks of test/hardening at soak size. Same tests, same assertions as
// under npm test; TASKTRAIL_SOAK=1 makes each one run its long version (see
// test/hardening/scale.ts), and each reports its count to a results file. Prints the table
// for docs/RELIABILITY.md; exits non-zero when any test failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'tasktrail-soak-'))
const tallies = join(dir, 'tallies.jsonl')
const vitestReport = join(dir, 'vitest.json')

// The attacks run the built CLI: build it from the sources being soaked.
const build = spawnSync(process.execPath, [join(root, 'scripts/bundle.js')], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const started = Date.now()
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/hardening', '--testTimeout=0', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TASKTRAIL_SOAK: '1', TASKTRAIL_SOAK_RESULTS: tallies } }
)
const minutes = ((Date.now() - started) / 60_000).toFixed(1)

const rows = existsSync(tallies) ? readFileSync(tallies, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : []
const results = existsSync(vitestReport) ? JSON.parse(readFileSync(vitestReport, 'utf8')) : { numPassedTests: 0, numFailedTests: 0, numTotalTests: 0 }
const date = new Date().toISOString().slice(0, 10)
console.log(`\nSoak of ${date}, ${minutes} min, Node ${process.version}: ${results.numPassedTests} of ${results.numTotalTests} tests passed, ${results.numFailedTests} failed.\n`)
console.log('| guarantee | attack | count | failures |')
console.log('|---|---|---|---|')
for (const row of rows.sort((a, b) => a.guarantee - b.guarantee)) {
  console.log(`| ${row.guarantee} | ${row.attack} | ${row.count.toLocaleString('en')} ${row.unit} | ${row.failures} |`)
}
process.exit(run.status === 0 && results.numFailedTests === 0 ? 0 : 1)
