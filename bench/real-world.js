// A TASKS.md shaped like the public checklists of issue 19 (roadmaps, TODO files, Obsidian
// vaults): sections of prose with links, nested task lists two and three deep, plain items
// among them, Obsidian Tasks emoji, ordered task lists, tab-indented subtasks, callouts with
// nested quotes, tables and fenced code holding task-like lines. Deterministic for a seed.
// measureRealWorld(): the first sync of such a file (718 tasks, 140 KiB), LF and CRLF, each in
// a fresh project, side by side with node -e 0 (issue 19 measured 1.80 s against 0.09–0.13 s).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI } from './fixtures.js'
import { interleaved } from './harness.js'

const WORDS = ('the parser release migrate docs api cache index review ship deploy check bench fix flaky test cli hook store ' +
  'sync watch branch merge config plugin schema upgrade token session report export import billing client project ' +
  'error message retry timeout logging metrics dashboard auth login refresh rotate keys backup restore vacuum').split(' ')
const EMOJI = ['📅 2025-03-14', '⏫', '🔼', '🔽', '✅ 2025-02-01', '🔁 every week', '🛫 2025-01-20', '⏳ 2025-02-10', '➕ 2025-01-02']

function random(seed) {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32)
}

/** About `tasks` tasks in about 200 bytes each, as real checklists run; `eol` '\r\n' for a CRLF file. */
export function realWorldChecklist({ tasks = 718, seed = 19, eol = '\n' } = {}) {
  const next = random(seed)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 18))
    return text[0].toUpperCase() + text.slice(1) + (next() < 0.3 ? ` (see [the ${pick(WORDS)} notes](https://example.com/${pick(WORDS)}/${Math.floor(next() * 999)}))` : '') + '.'
  }
  const title = () => {
    let text = words(3 + Math.floor(next() * 8))
    if (next() < 0.2) text += ` in \`src/${pick(WORDS)}.ts\``
    if (next() < 0.15) text = `**${text}**`
    if (next() < 0.1) text += ` — [#${100 + Math.floor(next() * 900)}](https://github.com/example/repo/issues/${Math.floor(next() * 900)})`
    if (next() < 0.3) text += ` ${pick(EMOJI)}`
    if (next() < 0.1) text += ` ${pick(EMOJI)}`
    return text
  }
  const box = () => (next() < 0.4 ? 'x' : next() < 0.1 ? '/' : ' ')
  const lines = ['# Roadmap', '', sentence() + ' ' + sentence(), '']
  let made = 0
  for (let section = 1; made < tasks; section++) {
    lines.push(`## Phase ${section}: ${words(3)}`, '', sentence() + ' ' + sentence() + ' ' + sentence() + ' ' + sentence(), '', sentence() + ' ' + sentence(), '')
    const shape = section % 7
    if (shape === 3) {
      lines.push('```sh', `# the checklist a script prints`, '- [ ] not a task inside a fence', `npm run ${pick(WORDS)}`, '```', '')
    }
    if (shape === 5) {
      lines.push('| step | owner | state |', '|---|---|---|', `| ${pick(WORDS)} | @${pick(WORDS)} | done |`, `| ${pick(WORDS)} | @${pick(WORDS)} | open |`, '')
    }
    if (shape === 6) {
      lines.push(`> [!note] ${words(3)}`, `> ${sentence()}`, '> > ' + sentence(), `> - [${box()}] ${title()}`, `> - [${box()}] ${title()}`, '')
      made += 2
    }
    const items = 6 + Math.floor(next() * 10)
    for (let i = 0; i < items && made < tasks; i++) {
      const ordered = shape === 2
      const bullet = ordered ? `${i + 1}.` : '-'
      lines.push(`${bullet} [${box()}] ${title()}`)
      made++
      if (next() < 0.6) lines.push(`${' '.repeat(bullet.length + 1)}${sentence()} ${sentence()}`)
      const children = next() < 0.45 ? 1 + Math.floor(next() * 4) : 0
      const indent = shape === 4 ? '\t' : ' '.repeat(bullet.length + 1)
      for (let c = 0; c < children && made < tasks; c++) {
        if (next() < 0.15) lines.push(`${indent}- ${words(4)}`)
        else {
          lines.push(`${indent}- [${box()}] ${title()}`)
          made++
        }
        if (next() < 0.2 && made < tasks) {
          lines.push(`${indent}${shape === 4 ? '\t' : '  '}- [${box()}] ${title()}`)
          made++
        }
      }
    }
    lines.push('')
    lines.push(sentence() + ' ' + sentence() + ' ' + sentence(), '')
  }
  return lines.join(eol)
}

/** A git work tree holding `text` as its TASKS.md, with a store of its own that has never synced it. */
function freshProject(text) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-bench-')))
  const project = join(dir, 'project')
  spawnSync('git', ['init', '-q', project])
  writeFileSync(join(project, 'TASKS.md'), text)
  const env = { ...process.env, TASKTRAIL_HOME: join(dir, 'home'), NO_COLOR: '1' }
  delete env.TASKTRAIL_DB
  return { project, env }
}

export function measureRealWorld() {
  const files = { lf: realWorldChecklist(), crlf: realWorldChecklist({ eol: '\r\n' }) }
  const sync = (text) => {
    const box = freshProject(text)
    return { command: process.execPath, args: [CLI, 'sync'], options: { cwd: box.project, env: box.env } }
  }
  return { bytes: Buffer.byteLength(files.lf), ...interleaved({ runs: 9, warmup: 1, prepare: () => ({ lf: sync(files.lf), crlf: sync(files.crlf) }) }) }
}
