// Benchmarks the markdown engine on a generated 10,000-task TASKS.md: first parse, re-parse
// after a one-line hand edit, and splicing one status change. Bundles src/markdown with
// esbuild (no tsx here). `measureMarkdown()` returns the medians (bench/run.js calls it);
// `node bench/markdown.js` prints them against the targets.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { median } from './harness.js'

export const MARKDOWN_TARGETS = { firstParseMs: 1500, firstParseMiB: 300, reparseMs: 50, spliceMs: 5 }

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** Headings every 100 tasks, one subtask in four, as in the measured engine findings. */
function generate(count) {
  let source = '# Tasks\n\nThe work on this project. Edit it by hand as you like.\n'
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) source += `\n## Section ${i / 100}\n\n`
    const id = `t-${[...i.toString(32).padStart(6, '0')].map((digit) => ALPHABET[parseInt(digit, 32)]).join('')}`
    source += i % 4 === 3 ? `  - [ ] subtask ${i} with \`code\` <!-- ${id} -->\n` : `- [${i % 3 ? ' ' : 'x'}] task number ${i} [type:: research] <!-- ${id} -->\n`
  }
  return source
}

// A fresh process per first parse, so each one is cold (remark not loaded, nothing jitted)
// and its memory growth is its own.
const FIRST_PARSE = `
const [bundle, file] = process.argv.slice(1)
const { readFileSync } = await import('node:fs')
const source = readFileSync(file, 'utf8')
const { parse } = await import(bundle)
const rss = process.memoryUsage().rss
const start = performance.now()
parse(source)
const ms = performance.now() - start
console.log(JSON.stringify({ ms, mib: (process.memoryUsage().rss - rss) / 2 ** 20 }))
`

/** Median wall time and median CPU time (user + system) of `runs` calls, after `warmup` untimed ones. */
function time(runs, fn, warmup = 3) {
  for (let run = 0; run < warmup; run++) fn(runs + run)
  const wall = []
  const cpu = []
  for (let run = 0; run < runs; run++) {
    const usage = process.cpuUsage()
    const start = performance.now()
    fn(run)
    wall.push(performance.now() - start)
    const { user, system } = process.cpuUsage(usage)
    cpu.push((user + system) / 1000)
  }
  return { wall: median(wall), cpu: median(cpu) }
}

/** Medians in milliseconds (and MiB of RSS growth for the first parse) on 10,000 tasks. */
export async function measureMarkdown({ firstParseRuns = 5, runs = 21 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tasktrail-bench-'))
  try {
    const bundle = join(dir, 'markdown.mjs')
    await build({ entryPoints: [fileURLToPath(new URL('../src/markdown/index.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' })
    const source = generate(10_000)
    const file = join(dir, 'TASKS.md')
    writeFileSync(file, source)
    const cold = Array.from({ length: firstParseRuns }, () =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', FIRST_PARSE, pathToFileURL(bundle).href, file], { encoding: 'utf8' }))
    )
    const { parse, applyEdits } = await import(pathToFileURL(bundle).href)
    const parsed = parse(source)
    // A different line each run, as a person would edit, so no run re-parses the same text.
    const edits = Array.from({ length: runs + 3 }, (_, run) => source.replace(`task number ${4000 + run * 97} `, `task number ${4000 + run * 97}, edited by hand `))
    const reparse = time(runs, (run) => parse(edits[run], parsed))
    const splice = time(runs, (run) => {
      const target = parsed.tasks[3000 + run * 211]
      applyEdits(source, parsed, [{ kind: 'status', id: target.id, status: target.status === 'completed' ? 'pending' : 'completed' }])
    })
    return {
      firstParseMs: median(cold.map((run) => run.ms)),
      firstParseMiB: median(cold.map((run) => run.mib)),
      reparseMs: reparse.wall,
      spliceMs: splice.wall,
      // CPU time of this process alone: on a loaded machine wall time mostly measures the others.
      reparseCpuMs: reparse.cpu,
      spliceCpuMs: splice.cpu,
      tasks: parsed.tasks.length,
      MiB: source.length / 2 ** 20
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureMarkdown()
  const line = (label, value, target, unit) => console.log(`${value <= target ? 'ok  ' : 'MISS'} ${label}: ${value.toFixed(unit === 'ms' && value < 10 ? 2 : 0)} ${unit} (target ≤ ${target} ${unit})`)
  console.log(`file: ${result.tasks} tasks, ${result.MiB.toFixed(2)} MiB; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`)
  line('first parse, cold process (median)', result.firstParseMs, MARKDOWN_TARGETS.firstParseMs, 'ms')
  line('first parse, RSS growth (median)', result.firstParseMiB, MARKDOWN_TARGETS.firstParseMiB, 'MiB')
  line('re-parse after a one-line hand edit (median)', result.reparseMs, MARKDOWN_TARGETS.reparseMs, 'ms')
  line('splice one status change (median)', result.spliceMs, MARKDOWN_TARGETS.spliceMs, 'ms')
  console.log(`CPU time of this process: re-parse ${result.reparseCpuMs.toFixed(1)} ms, splice ${result.spliceCpuMs.toFixed(2)} ms (medians)`)
}
