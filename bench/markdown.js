// Benchmarks the markdown engine on a generated 10,000-task TASKS.md: first parse, re-parse
// after a one-line hand edit, and splicing one status change. Bundles src/markdown with
// esbuild (no tsx here) and prints medians. Run: node bench/markdown.js
import { build } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = mkdtempSync(join(tmpdir(), 'tasktrail-bench-'))
const outfile = join(dir, 'markdown.mjs')
await build({ entryPoints: [new URL('../src/markdown/index.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' })
const { parse, applyEdits } = await import(pathToFileURL(outfile).href)
rmSync(dir, { recursive: true })

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** Headings every 100 tasks, one subtask in four, as in the measured engine findings. */
function generate(count) {
  let source = '# Tasks\n'
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) source += `\n## Section ${i / 100}\n\n`
    const id = `t-${[...i.toString(32).padStart(6, '0')].map((digit) => ALPHABET[parseInt(digit, 32)]).join('')}`
    source += i % 4 === 3 ? `  - [ ] subtask ${i} with \`code\` <!-- ${id} -->\n` : `- [${i % 3 ? ' ' : 'x'}] task number ${i} [type:: research] <!-- ${id} -->\n`
  }
  return source
}

const median = (values) => values.sort((a, b) => a - b)[values.length >> 1]
function time(runs, fn) {
  const times = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

const source = generate(10_000)
const before = process.memoryUsage().rss
const first = time(1, () => parse(source))
const rss = (process.memoryUsage().rss - before) / 2 ** 20
const firstMedian = time(5, () => parse(source))
const parsed = parse(source)
const edited = source.replace('task number 5000 ', 'task number 5000, edited by hand ')
const reparse = time(9, () => parse(edited, parsed))
const target = parsed.tasks[5000]
const splice = time(21, () => applyEdits(source, parsed, [{ kind: 'status', id: target.id, status: 'completed' }]))
const whole = parse(edited)
const incremental = parse(edited, parsed)
const same = JSON.stringify(whole) === JSON.stringify(incremental)

console.log(`file: ${parsed.tasks.length} tasks, ${(source.length / 2 ** 20).toFixed(2)} MiB, ${parsed.blocks.length} blocks`)
console.log(`first parse (cold, one run):   ${first.toFixed(0)} ms, RSS +${rss.toFixed(0)} MiB   (target ≤ 1500 ms, ≤ 300 MiB)`)
console.log(`first parse (median of 5):     ${firstMedian.toFixed(0)} ms`)
console.log(`re-parse after one-line edit:  ${reparse.toFixed(1)} ms (median of 9; target ≤ 50 ms), same result as a full parse: ${same}`)
console.log(`splice one status change:      ${splice.toFixed(2)} ms (median of 21; target ≤ 5 ms)`)
