// node bench/sync.js: the sync targets, over the built CLI (run `node scripts/bundle.js` first).
//   1. one checkbox edited in a TASKS.md of 10,000 tasks, then `tasktrail sync` as a fresh
//      process: target ≤ 0.3 s;
//   2. `tasktrail watch`: from the save to the store's commit (the watch's log line, printed
//      after the commit): target ≤ 100 ms.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, makeProject } from './fixtures.js'
import { fmt, median, sideBySide } from './harness.js'

const run = (box, ...args) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: box.project, env: box.env, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`tasktrail ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

/** Flips the checkbox of the n-th open task line. */
function flipOne(path, n) {
  const lines = readFileSync(path, 'utf8').split('\n')
  const open = lines.map((l, i) => (/^\s*[-*+] \[ \]/.test(l) ? i : -1)).filter((i) => i >= 0)
  const at = open[n % open.length]
  lines[at] = lines[at].replace('[ ]', '[x]')
  writeFileSync(path, lines.join('\n'))
}

const box = makeProject(10_000)
run(box, 'sync')
const path = join(box.project, 'TASKS.md')

// Interleaved with a bare node start, whose time says how loaded the machine is.
const sync = sideBySide({
  runs: 7,
  warmup: 0,
  prepare: (i) => {
    flipOne(path, i * 97)
    return { command: process.execPath, args: [CLI, 'sync'], options: { cwd: box.project, env: box.env } }
  }
})
const syncMedian = sync.measured.median
console.log(
  `${syncMedian <= 300 ? 'ok  ' : 'MISS'} one checkbox in 10,000 tasks, tasktrail sync: ${fmt(syncMedian)} [${fmt(sync.measured.min)}–${fmt(sync.measured.max)}], node -e 0 ${fmt(sync.baseline.median)} meanwhile (${sync.ratio.toFixed(1)}×) (target ≤ 300 ms)`
)

const watcher = spawn(process.execPath, [CLI, 'watch'], { cwd: box.project, env: box.env })
await new Promise((resolve) => watcher.stderr.on('data', (d) => String(d).includes('watching') && resolve()))
const lines = []
watcher.stdout.on('data', (d) => lines.push(...String(d).split('\n').filter(Boolean).map((line) => ({ line, at: process.hrtime.bigint() }))))
const watchTimes = []
for (let i = 0; i < 7; i++) {
  await new Promise((r) => setTimeout(r, 600))
  const seen = lines.length
  flipOne(path, 5000 + i * 31)
  const start = process.hrtime.bigint()
  while (lines.length === seen) await new Promise((r) => setTimeout(r, 2))
  watchTimes.push(Number(lines[seen].at - start) / 1e6)
}
watcher.kill('SIGINT')
const watchMedian = median(watchTimes)
console.log(`${watchMedian <= 100 ? 'ok  ' : 'MISS'} tasktrail watch, save to store commit: ${fmt(watchMedian)} [${fmt(Math.min(...watchTimes))}–${fmt(Math.max(...watchTimes))}] (target ≤ 100 ms)`)
