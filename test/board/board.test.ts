// The board in a real browser: headless system Chromium (what .ci/run installs) driven by
// playwright-core, against `tasktrail board` run as a person runs it, with real hooks.
import type { ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { moved, registered, type HooksConfig } from '../../src/hooks/demo/replay.js'
import { add, json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { checklistLines } from '../helpers/tasks-md.js'
import { CHROMIUM, startBoard, stopBoard } from './helpers.js'
import { is, recording, RECORDED_ROOT } from '../hooks/setup.js'

const HOOKS = JSON.parse(readFileSync(join(import.meta.dirname, '../../hooks/hooks.json'), 'utf8')) as HooksConfig
const PROMPT = 'Set up monitoring for the Dataforth NAS, alert if sync fails'



const card = (page: Page, id: string) => page.locator(`.card[data-id="${id}"]`)
const statusOf = (box: Sandbox, id: string) => json<{ status: string }>(box, ['show', id]).status
const boxOf = (box: Sandbox, id: string) => checklistLines(readFileSync(join(box.project, 'TASKS.md'), 'utf8')).get(id)?.box

describe('tasktrail board in Chromium', () => {
  let box: Sandbox
  let board: { child: ChildProcess; url: string }
  let browser: Browser
  let page: Page
  let planned: string
  let step: string

  beforeAll(async () => {
    box = sandbox()
    // Every hook here runs in its own process, so none is left behind.
    planned = add(box, 'Write the runbook', '--type', 'documentation')
    step = add(box, 'Collect the alert addresses', '--parent', planned)
    add(box, '<img src=x onerror="document.title=1"></script><b>not markup</b>')
    board = await startBoard(box)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } })
    await page.goto(board.url)
    await page.waitForSelector('body[data-ready] .live.on')
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    if (board) expect(await stopBoard(board.child)).toBe(0)
  })

  it('prints a 127.0.0.1 URL with a token and shows the tasks nested as in TASKS.md', async () => {
    expect(board.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
    await expect(card(page, planned).locator('.title').first().textContent()).resolves.toBe('Write the runbook')
    // The subtask is inside its request's card, in the same column.
    expect(await page.locator(`.column[data-status="pending"] .card[data-id="${planned}"] .card[data-id="${step}"]`).count()).toBe(1)
    expect(await card(page, planned).locator('.chip.type').first().textContent()).toBe('documentation')
    // A title is text, never markup, in the embedded data as on the card.
    expect(await page.locator('.card .title', { hasText: '</script><b>not markup</b>' }).count()).toBe(1)
    expect(await page.locator('.card .title img, .card .title b').count()).toBe(0)
    expect(await page.title()).not.toBe('1')
  })

  it('shows a real hook\'s change within a second, without a reload', async () => {
    await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }))
    // The session up to its first task: the prompt is remembered, the first TaskCreate makes the request and its step.
    const session = recording('2.1.197-task-tools')
    const events = session.slice(0, session.findIndex(is('PostToolUse', 'TaskCreate')) + 1).filter((e) => registered(HOOKS, e))
    let done = 0
    for (const event of events) {
      const hook = tasktrail(box, ['hook'], { input: JSON.stringify(moved(event, RECORDED_ROOT, box.project)), env: { CLAUDE_PROJECT_DIR: box.project } })
      expect(hook).toMatchObject({ code: 0, stderr: '' })
      done = Date.now()
    }
    const request = page.locator('.column[data-status="in_progress"] .card', { hasText: PROMPT })
    await request.first().waitFor({ timeout: 1_000 })
    expect(Date.now() - done).toBeLessThan(1_000)
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true)
  })

  it('takes in a hand edit of TASKS.md live, as watch does', async () => {
    const file = join(box.project, 'TASKS.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Collect the alert addresses', 'Collect the helpdesk addresses'))
    await page.locator(`.card[data-id="${step}"] .title`, { hasText: 'Collect the helpdesk addresses' }).waitFor({ timeout: 2_000 })
    expect(json<{ title: string }>(box, ['show', step]).title).toBe('Collect the helpdesk addresses')
  })

  it('says on the page when a hand edit of TASKS.md cannot be taken in, until it can', async () => {
    const file = join(box.project, 'TASKS.md')
    const good = readFileSync(file, 'utf8')
    writeFileSync(file, `${good}<<<<<<< ours\n- [ ] A\n=======\n- [ ] B\n>>>>>>> theirs\n`)
    await page.locator('#notice', { hasText: 'TASKS.md was not taken in: sync refused' }).waitFor({ timeout: 2_000 })
    // Fixed by an edit of its own: the next sync takes it in and the notice goes.
    writeFileSync(file, good.replace('Write the runbook', 'Write the runbook first'))
    await page.locator('#notice').waitFor({ state: 'hidden', timeout: 2_000 })
    await card(page, planned).locator('> .title', { hasText: 'Write the runbook first' }).waitFor()
  })

  it('a click on done completes the task in the store and in TASKS.md, as tasktrail done would', async () => {
    await card(page, step).locator('.title').first().click()
    await page.locator('aside button[data-verb="done"]').click()
    await page.locator(`.column[data-status="completed"] .card[data-id="${step}"]`).waitFor({ timeout: 2_000 })
    expect(statusOf(box, step)).toBe('completed')
    expect(boxOf(box, step)).toBe('x')
    // The roll-up the CLI's done does: the request's only subtask is done, so it is too.
    expect(statusOf(box, planned)).toBe('completed')
    expect(await page.locator('#message').textContent()).toBe(`${step} completed  Collect the helpdesk addresses`)
  })

  it('refuses what the CLI refuses, with the CLI\'s message', async () => {
    await page.locator('aside button[data-verb="done"]').click()
    await page.locator('#message.refused').waitFor()
    const cli = tasktrail(box, ['done', step])
    expect(cli.code).toBe(1)
    expect(await page.locator('#message').textContent()).toBe(cli.stderr.trim().replace(/^tasktrail: /, ''))
  })

  it('renames, adds a subtask and blocks with a reason, each written to TASKS.md', async () => {
    await card(page, planned).locator('.title').first().click()
    await page.locator('aside button[data-verb="reopen"]').click()
    await page.locator(`.column[data-status="pending"] .card[data-id="${planned}"]`).waitFor()
    await page.fill('#new-title', 'Write the NAS runbook')
    await page.locator('aside button[data-act="rename"]').click()
    await page.locator(`.card[data-id="${planned}"] > .title`, { hasText: 'Write the NAS runbook' }).waitFor()
    await page.fill('#subtask-title', '-- a title that looks like an option')
    await page.locator('aside button[data-act="add"]').click()
    const added = page.locator(`.card[data-id="${planned}"] .card`, { hasText: '-- a title that looks like an option' })
    await added.waitFor()
    const addedId = (await added.getAttribute('data-id'))!
    await page.fill('#block-reason', 'waiting for the helpdesk')
    await page.locator('aside button[data-verb="block"]').click()
    await page.locator(`.column[data-status="blocked"] .card[data-id="${planned}"] .reason`, { hasText: 'waiting for the helpdesk' }).waitFor()
    const md = readFileSync(join(box.project, 'TASKS.md'), 'utf8')
    expect(md).toContain('Write the NAS runbook')
    expect(boxOf(box, planned)).toBe('!')
    expect(checklistLines(md).get(addedId)).toMatchObject({ box: ' ', depth: 1 })
    expect(json<{ parent_task_id: string; task_context: { blocked_reason?: string } }>(box, ['show', planned]).task_context.blocked_reason).toBe('waiting for the helpdesk')
    expect(json<{ parent_task_id: string }>(box, ['show', addedId]).parent_task_id).toBe(planned)
  })

  it('a card dragged to a column makes that move', async () => {
    const idea = add(box, 'An idea for later')
    await card(page, idea).waitFor({ timeout: 2_000 })
    await card(page, idea).dragTo(page.locator('.column[data-status="cancelled"]'), { timeout: 5_000 })
    await page.locator(`.column[data-status="cancelled"] .card[data-id="${idea}"]`).waitFor({ timeout: 2_000 })
    expect(statusOf(box, idea)).toBe('cancelled')
    expect(boxOf(box, idea)).toBe('-')
  })

  it('refuses requests without the token, for another host, and from another site', async () => {
    const base = board.url.replace(/\?.*$/, '')
    const token = new URL(board.url).searchParams.get('token')!
    expect((await fetch(base)).status).toBe(403)
    expect((await fetch(`${base}api/board`)).status).toBe(403)
    expect((await fetch(`${base}events?token=wrong`)).status).toBe(403)
    expect((await fetch(`${base}api/board?token=${token}`, { headers: { Origin: 'http://evil.example' } })).status).toBe(403)
    const steer = await fetch(`${base}api/steer?token=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' }, body: JSON.stringify({ action: 'cancel', id: planned }) })
    expect(steer.status).toBe(403)
    expect(steer.headers.get('access-control-allow-origin')).toBeNull()

    // A page on another site, in the same browser, knowing even the token: it can read nothing and change nothing.
    const evil: Server = createServer((_, response) => response.end('<!doctype html><title>elsewhere</title>'))
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
    try {
      const other = await browser.newPage()
      await other.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`)
      const tried = await other.evaluate(async ({ base, token, id }) => {
        const read = await fetch(`${base}api/board?token=${token}`).then(() => 'read', (e: Error) => e.name)
        const noCors = await fetch(`${base}api/steer?token=${token}`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ action: 'cancel', id }) }).then((r) => r.type, (e: Error) => e.name)
        const json = await fetch(`${base}api/steer`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tasktrail-Token': token }, body: JSON.stringify({ action: 'cancel', id }) }).then(() => 'sent', (e: Error) => e.name)
        return { read, noCors, json }
      }, { base, token, id: planned })
      // Not even an opaque answer: the board's responses are same-origin resources (CORP).
      expect(tried).toEqual({ read: 'TypeError', noCors: 'TypeError', json: 'TypeError' })
      await other.close()
    } finally {
      evil.close()
    }
    expect(statusOf(box, planned)).toBe('blocked')
  })

  it('draws the timeline of the request a card belongs to', async () => {
    await page.locator('button[data-view="timeline"]').click()
    await page.selectOption('#t-request', planned)
    await page.locator('.lanes .lane').first().waitFor()
    expect(await page.locator('.lanes .lane-label').allTextContents()).toContain(' Write the NAS runbook')
    await page.locator('button[data-view="board"]').click()
  })

  it('filters by the agent CLI that did a task, and names one other than Claude Code on its card', async () => {
    // A Codex CLI session, as its hooks run `tasktrail hook --host codex`, while the board is open.
    const codex = readFileSync(join(import.meta.dirname, '../fixtures/other-agents/codex-0.171.0-events.jsonl'), 'utf8').split('\n').filter(Boolean)
    for (const line of codex.map((l) => l.replaceAll('/home/dev/project', box.project))) {
      if (JSON.parse(line).hook_event_name === 'PreToolUse') continue
      expect(tasktrail(box, ['hook', '--host', 'codex'], { input: line })).toMatchObject({ code: 0, stderr: '' })
    }
    const idOf = (title: string) => json<{ tasks: Array<{ id: string; title: string }> }>(box, ['export']).tasks.find((t) => t.title === title)!.id
    const codexRequest = card(page, idOf('Create hello.txt with a greeting. Make a plan first.'))
    await codexRequest.waitFor({ timeout: 1_000 })
    const hostChip = (of: typeof codexRequest) => of.locator(':scope > .meta .chip.host')
    expect(await hostChip(codexRequest).textContent()).toBe('Codex CLI')
    expect(await hostChip(card(page, idOf('Write hello.txt'))).textContent()).toBe('Codex CLI')
    expect(await hostChip(card(page, idOf(PROMPT))).count()).toBe(0)
    expect(await page.locator('#f-host option').evaluateAll((options) => options.map((o) => [(o as unknown as { value: string }).value, o.textContent]))).toEqual([
      ['', 'All agent CLIs'], ['claude-code', 'Claude Code'], ['codex', 'Codex CLI']
    ])

    await page.selectOption('#f-host', 'codex')
    const titles = () => page.locator('.card > .title').allTextContents()
    expect((await titles()).sort()).toEqual(['Create hello.txt with a greeting. Make a plan first.', 'Inspect the repository', 'Summarize the change', 'Write hello.txt'])
    await page.selectOption('#f-host', 'claude-code')
    expect(await titles()).toContain(PROMPT)
    expect((await titles()).filter((t) => t.startsWith('Create hello.txt'))).toEqual([])
    // A task added by hand was done by no agent CLI.
    expect(await card(page, planned).count()).toBe(0)
    await page.selectOption('#f-host', '')
    expect(await titles()).toEqual(expect.arrayContaining([PROMPT, 'Create hello.txt with a greeting. Make a plan first.']))
    expect(await card(page, planned).count()).toBe(1)
  })
})
