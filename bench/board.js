// The board in the browser at 1,000 and 10,000 tasks: how long the page takes from the request
// to the drawn board, how long a search takes to redraw it, and how long a change from a
// `tasktrail done` in another process takes to show. Headless system Chromium through
// playwright-core, as the board's tests. Prints one line per figure, as bench/sync.js does.
import { spawn, spawnSync } from 'node:child_process'
import { chromium } from 'playwright-core'
import { benchId, CLI, makeProject } from './fixtures.js'
import { fmt, interleaved } from './harness.js'

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function startBoard(box) {
  const child = spawn(process.execPath, [CLI, 'board'], { cwd: box.project, env: box.env, stdio: ['ignore', 'pipe', 'ignore'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve({ child, url: out.split('\n')[0] })
    })
    child.once('exit', (code) => reject(new Error(`tasktrail board ended (${code})`)))
  })
}

/** Milliseconds from the request of the page to the board drawn, by the page's own clock. */
async function load(page, url) {
  await page.goto(url)
  await page.waitForSelector('body[data-ready] .live.on')
  return page.evaluate(() => Number(document.body.dataset.readyAt))
}

/**
 * The board adds nothing to what a change costs: \`tasktrail done\` on a project whose board is
 * open in the browser, interleaved with the same on a copy of it that has none.
 */
function nothingAdded(watched) {
  const plain = makeProject(1000)
  const pending = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 3 !== 0 && i % 4 !== 0).slice(2)
  const done = (box, i) => ({ command: process.execPath, args: [CLI, 'done', benchId(i)], options: { cwd: box.project, env: box.env } })
  const r = interleaved({ runs: 15, prepare: (i) => ({ board: done(watched, pending[i]), none: done(plain, pending[i]) }) })
  const ratio = r.board.measured.median / r.none.measured.median
  console.log(`${ratio <= 1.1 ? 'ok  ' : 'MISS'} \`tasktrail done ID\`, 1,000 tasks, its board open in Chromium: ${ratio.toFixed(2)}× the same without a board (${fmt(r.board.measured.median)} vs ${fmt(r.none.measured.median)}, ${r.board.measured.runs} runs each) (target ≤ 1.1×)`)
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const [count, target] of [[1000, 300], [10000, null]]) {
    const made = makeProject(count)
    const board = await startBoard({ ...made, env: made.env })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    try {
      await load(page, board.url)
      const loads = []
      for (let i = 0; i < 7; i++) loads.push(await load(page, board.url))
      const searches = []
      for (const word of ['task 1', 'task 42', 'zzz', '']) {
        searches.push(await page.evaluate(async (text) => {
          const input = document.querySelector('#search')
          const start = performance.now()
          input.value = text
          input.dispatchEvent(new Event('input'))
          await new Promise((resolve) => setTimeout(resolve, 130))
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
          return performance.now() - start - 120
        }, word))
      }
      const id = benchId(1)
      const before = Date.now()
      spawnSync(process.execPath, [CLI, 'done', id], { cwd: made.project, env: made.env })
      const ran = Date.now()
      await page.locator(`.column[data-status="completed"] .card[data-id="${id}"]`).first().waitFor({ timeout: 10_000 })
      const live = Date.now() - ran
      const loadMs = median(loads)
      const pass = target === null ? null : loadMs <= target
      const mark = pass === true ? 'ok  ' : pass === false ? 'MISS' : '--  '
      console.log(`${mark} board page load in Chromium, ${count.toLocaleString('en')} tasks: ${loadMs.toFixed(0)} ms median of ${loads.length} [${Math.min(...loads).toFixed(0)}–${Math.max(...loads).toFixed(0)}] (target ${target === null ? 'responsive' : `≤ ${target} ms`})`)
      console.log(`--   board search redraw, ${count.toLocaleString('en')} tasks: ${median(searches).toFixed(0)} ms median [${Math.min(...searches).toFixed(0)}–${Math.max(...searches).toFixed(0)}] (target responsive)`)
      console.log(`${live <= 1000 ? 'ok  ' : 'MISS'} board shows a \`tasktrail done\` from another process, ${count.toLocaleString('en')} tasks: ${live} ms after it ended (${ran - before} ms to run it) (target ≤ 1000 ms)`)
      if (count === 1000) nothingAdded(made)
    } finally {
      await page.close()
      board.child.kill('SIGTERM')
    }
  }
} finally {
  await browser.close()
}
