// Side-by-side timing of fresh processes: each measured command runs interleaved with a
// bare `node -e 0` (A B A B …), so both see the same machine load, and the figure that
// counts is the ratio of their medians.
import { spawnSync } from 'node:child_process'

export const NODE_BASELINE = [process.execPath, ['-e', '0']]

function wall(command, args, options) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { stdio: ['pipe', 'ignore', 'pipe'], ...options })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited ${result.status}: ${result.stderr}`)
  }
  return ms
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length }
}

/**
 * Runs `prepare(i)` (untimed), then each command it returns by name, each right after a
 * baseline run, `runs` times: commands compared with each other see the same machine load.
 * Returns, per name, both summaries and the ratio of medians.
 */
export function interleaved({ runs = 15, warmup = 2, prepare }) {
  const times = {}
  for (let i = 0; i < runs + warmup; i++) {
    for (const [name, { command, args, options }] of Object.entries(prepare(i))) {
      const b = wall(...NODE_BASELINE, {})
      const m = wall(command, args, options)
      if (i < warmup) continue
      times[name] ??= { base: [], measured: [] }
      times[name].base.push(b)
      times[name].measured.push(m)
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, { base, measured }]) => {
    const a = summary(measured)
    const b = summary(base)
    return [name, { measured: a, baseline: b, ratio: a.median / b.median }]
  }))
}

/** One command side by side with node -e 0: `prepare(i)` returns it. */
export function sideBySide({ runs = 15, warmup = 2, prepare }) {
  return interleaved({ runs, warmup, prepare: (i) => ({ measured: prepare(i) }) }).measured
}

/** Peak resident memory (MiB) of one run, from GNU time. */
export function peakMemory(command, args, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['pipe', 'ignore', 'pipe'], ...options, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  const kib = Number(result.stderr.trim().split('\n').at(-1))
  return kib / 1024
}

export const fmt = (ms) => `${ms.toFixed(0)} ms`
