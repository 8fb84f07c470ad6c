// Runs the benchmark on one CPU. On the 2-vCPU machines here `node -e 0` takes ~127 ms on one
// vCPU and ~170 ms on the other (measured: 20 runs pinned to each), and a process lands on
// either, so every median, and every ratio of medians, jumped between the two. Pinned, the
// commands and their baselines run on the same CPU: the fastest, so that a fixed cost of
// ours weighs the most against the baseline. Without taskset (not Linux) it runs unpinned.
// The peers run on every CPU: they use several threads, and pinned they measured 15.6× and
// 53× node -e 0 where they run at 11× and 40–48× (Backlog.md, Task Master).
import { execFileSync, spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { median } from './harness.js'

const PINNED = 'TASKTRAIL_BENCH_CPU'

function startTime(cpu) {
  const start = process.hrtime.bigint()
  const run = spawnSync('taskset', ['-c', String(cpu), process.execPath, '-e', '0'])
  if (run.status !== 0) return undefined
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * In the pinned run: which CPU, and `node -e 0` per CPU. Otherwise runs this script again
 * pinned to the fastest CPU and exits with its code; returns undefined where it cannot pin.
 */
export function pinToFastestCpu() {
  if (process.env[PINNED]) return JSON.parse(process.env[PINNED])
  const starts = cpus().map((_, cpu) => Array.from({ length: 9 }, () => startTime(cpu)))
  if (starts.some((times) => times.includes(undefined))) return undefined
  const medians = starts.map(median)
  const cpu = medians.indexOf(Math.min(...medians))
  const pinned = { cpu, medians: medians.map((ms) => Math.round(ms)) }
  const run = spawnSync('taskset', ['-c', String(cpu), process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [PINNED]: JSON.stringify(pinned) }
  })
  process.exit(run.status ?? 1)
}

/** Runs a bench script on every CPU and returns the JSON it prints. */
export function runOnAllCpus(script) {
  const [command, args] = process.env[PINNED]
    ? ['taskset', ['-c', `0-${cpus().length - 1}`, process.execPath, script]]
    : [process.execPath, [script]]
  return JSON.parse(execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }))
}
