// The board of an MSP project in Chromium: the seeded consultant's two billed days, then a
// recorded Claude Code session replayed through the real hooks. Billing from the board, the
// timeline of the session's request, and the screenshots of both (docs/board.png and
// docs/timeline.png are these, taken by hand from the paths this test prints).
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { moved, registered, type HooksConfig } from '../../src/hooks/demo/replay.js'
import { openDatabase } from '../../src/store/open.js'
import { json, tasktrail } from '../helpers/cli.js'
import { recording, RECORDED_ROOT } from '../hooks/setup.js'
import { seededSandbox } from '../report/helpers.js'
import { CHROMIUM, startBoard, stopBoard } from './helpers.js'

const HOOKS = JSON.parse(readFileSync(join(import.meta.dirname, '../../hooks/hooks.json'), 'utf8')) as HooksConfig
const PROMPT = 'Set up monitoring for the Dataforth NAS, alert if sync fails'


describe('the board of an MSP project', () => {
  let box: ReturnType<typeof seededSandbox>
  let board: { child: ChildProcess; url: string }
  let browser: Browser
  let page: Page
  let request: string
  let seededRequest: string

  beforeAll(async () => {
    box = seededSandbox()
    // The seeded Dataforth repository becomes this sandbox's project.
    const db = openDatabase(box.db)
    db.prepare('UPDATE repos SET key = ?, root = ? WHERE key = ?').run(join(box.project, '.git'), box.project, '/home/dev/dataforth-it/.git')
    db.close()
    seededRequest = box.requests[0]!
    for (const event of recording('2.1.197-task-tools').filter((e) => registered(HOOKS, e))) {
      const run = tasktrail(box, ['hook'], { input: JSON.stringify(moved(event, RECORDED_ROOT, box.project)), env: { CLAUDE_PROJECT_DIR: box.project } })
      expect(run).toMatchObject({ code: 0, stderr: '' })
    }
    request = json<{ tasks: Array<{ id: string; title: string }> }>(box, ['export']).tasks.find((t) => t.title === PROMPT && !box.requests.includes(t.id))!.id
    const step = json<{ id: string }>(box, ['add', 'Order a second disk for the NAS', '--parent', request, '--type', 'deployment']).id
    expect(tasktrail(box, ['block', step, '--reason', "waiting for the client's approval of the quote"]).code).toBe(0)
    board = await startBoard(box)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(board.url)
    await page.waitForSelector('body[data-ready] .live.on')
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    if (board) await stopBoard(board.child)
  })

  it('shows the client, the blocked step with its reason, and the session\'s request with its agents and files', async () => {
    expect(await page.locator('header .mode').textContent()).toBe('client Dataforth')
    await page.locator('.column[data-status="blocked"] .reason', { hasText: "waiting for the client's approval of the quote" }).waitFor()
    const live = page.locator(`.column[data-status="in_progress"] .card[data-id="${request}"]`)
    await live.waitFor()
    await page.selectOption('#f-owner', 'client:Dataforth')
    expect(await page.locator('.count').textContent()).toMatch(/^\d+ of \d+ tasks$/)
    await live.locator('> .title').click()
    await page.locator('aside h3', { hasText: PROMPT }).waitFor()
    const png = join(box.dir, 'board.png')
    await page.screenshot({ path: png })
    console.log(`screenshot: ${png}`)
  })

  it('bills minutes from the board as tasktrail bill --minutes does, and refuses a subtask as it does', async () => {
    await page.locator(`.card[data-id="${seededRequest}"] > .title`).click()
    await page.fill('#bill-minutes', '45')
    await page.locator('aside button[data-act="bill"]').click()
    await page.locator('#message:not(.refused)', { hasText: 'overridden: 45 min' }).waitFor()
    expect(json<{ work_item: { billable_minutes: number } }>(box, ['bill', seededRequest]).work_item.billable_minutes).toBe(45)
    const step = json<{ tasks: Array<{ id: string; parent_task_id: string | null }> }>(box, ['export']).tasks.find((t) => t.parent_task_id === seededRequest)!.id
    await page.locator(`.card[data-id="${step}"] > .title`).click()
    await page.fill('#bill-minutes', '5')
    await page.locator('aside button[data-act="bill"]').click()
    await page.locator('#message.refused').waitFor()
    const cli = tasktrail(box, ['bill', step, '--minutes', '5'])
    expect(await page.locator('#message').textContent()).toBe(cli.stderr.trim().replace(/^tasktrail: /, ''))
  })

  it('draws the request\'s agents and files on a time axis, and the billed minutes per day and client', async () => {
    await page.locator('aside .close').click()
    await page.locator('button[data-view="timeline"]').click()
    await page.selectOption('#t-request', request)
    await page.locator('.lanes .lane').first().waitFor()
    const labels = await page.locator('.lanes .lane-label').allTextContents()
    expect(labels.some((l) => l.includes('general-purpose'))).toBe(true)
    expect(await page.locator('.lanes .mark.file').count()).toBeGreaterThan(0)
    const report = JSON.parse(tasktrail(box, ['report', '--client', 'Dataforth', '--format', 'json']).stdout) as { timesheet: { days: Array<{ date: string; minutes: number }> } }
    const drawn = await page.locator('.days .day').evaluateAll((days) => days.map((d) => [d.querySelector('small')!.textContent, d.querySelector('b')!.textContent]))
    expect(drawn).toEqual(report.timesheet.days.map((d) => [d.date, `${d.minutes} min`]))
    const png = join(box.dir, 'timeline.png')
    await page.screenshot({ path: png, fullPage: true })
    console.log(`screenshot: ${png}`)
  })
})
