import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, json, tasktrail } from '../helpers/cli.js'
import { CSV_COLUMNS } from '../../src/report/csv.js'
import { seededSandbox } from './helpers.js'

process.env.TZ = 'UTC'

/** An RFC 4180 parser, independent of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') { row.push(field); field = '' }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++ }
    else if (c === '\n') throw new Error(`bare LF at ${i}`)
    else field += c
  }
  if (field !== '' || row.length) throw new Error('last record has no CRLF')
  return rows
}

describe('tasktrail report on the seeded MSP example', () => {
  it('prints a timesheet per day and client, the work summary and estimate versus actual', () => {
    const box = seededSandbox()
    const run = tasktrail(box, ['report', '--client', 'Dataforth'])
    expect(run.code).toBe(0)
    const md = run.stdout
    expect(md).toContain('Client: Dataforth · Period: all time')
    expect(md).toContain('### 2025-03-10')
    expect(md).toContain('### 2025-03-11')
    expect(md).toContain('| Dataforth | Implementation | Set up monitoring for the Dataforth NAS, alert if sync fails | Sync-FromNAS is checked every 15 minutes; a failed or stale sync e-mails the helpdesk | 54 | 0.90 |')
    expect(md).toContain('| Dataforth | 4 | 120 | 2.00 | round up to 6 min, minimum 15 min |')
    expect(md).toContain('## Work summary')
    expect(md).toContain('| Tidy my own script templates | completed | 1/1 | 6 min |  |')
    expect(md).toContain('## Estimate versus actual')
    expect(md).not.toContain('Northwind')
    expect(md).not.toContain('pricing page')
  })

  it('limits the period with --since and --until, inclusive', () => {
    const box = seededSandbox()
    const report = JSON.parse(tasktrail(box, ['report', '--since', '2025-03-11', '--until', '2025-03-11', '--format', 'json']).stdout)
    expect(report.timesheet.days.map((d: { date: string }) => d.date)).toEqual(['2025-03-11'])
    expect(report.timesheet.clients.map((c: { client: string }) => c.client)).toEqual(['Dataforth', 'Northwind Traders'])
    expect(report.requests.map((r: { title: string }) => r.title)).toEqual([
      'Review firewall rules for the new VPN', 'Document the NAS monitor for Dataforth staff', 'Tidy my own script templates',
      'Add a new starter to Microsoft 365', 'Write the pricing page'
    ])
  })

  it('writes CSV that parses back into one row per work item, with the JSON report\'s minutes', () => {
    const box = seededSandbox()
    const out = join(box.dir, 'timesheet.csv')
    expect(tasktrail(box, ['report', '--format', 'csv', '--output', out]).stdout).toBe(`wrote ${out}\n`)
    const rows = parseCsv(readFileSync(out, 'utf8'))
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    const report = JSON.parse(tasktrail(box, ['report', '--format', 'json']).stdout)
    const items = report.timesheet.days.flatMap((d: any) => d.clients.flatMap((c: any) => c.items.map((i: any) => ({ ...i, date: d.date, client: c.client }))))
    expect(rows.slice(1)).toEqual(items.map((i: any) => [i.date, i.client, i.category, i.problem, i.solution, String(i.minutes), (i.minutes / 60).toFixed(2), i.task_id]))
    expect(rows.slice(1).reduce((sum, r) => sum + Number(r[5]), 0)).toBe(report.timesheet.total_minutes)
    // The backup item's request has a comma and quotes: it is quoted, and reads back the same.
    expect(readFileSync(out, 'utf8')).toContain('"The nightly backup on AD2 has failed three nights in a row, ""access denied"""')
  })

  it('quotes a line break in a field, so the record stays one row', () => {
    const box = seededSandbox()
    tasktrail(box, ['link', '--client', 'Acme, Inc.'])
    const id = json(box, ['add', 'Two-line outcome']).id
    tasktrail(box, ['done', id, '--outcome', 'first line\nsecond "line"'])
    const rows = parseCsv(tasktrail(box, ['report', '--client', 'Acme, Inc.', '--format', 'csv']).stdout)
    expect(rows).toHaveLength(2)
    expect(rows[1]!.slice(1, 5)).toEqual(['Acme, Inc.', 'General', 'Two-line outcome', 'first line\nsecond "line"'])
  })

  it('keeps text that starts like a formula from running in a spreadsheet', () => {
    const box = seededSandbox()
    tasktrail(box, ['link', '--client', 'Acme, Inc.'])
    const id = json(box, ['add', '=HYPERLINK("http://example.com/x","open me")']).id
    tasktrail(box, ['done', id, '--outcome', '@SUM(A1:A9)'])
    const rows = parseCsv(tasktrail(box, ['report', '--client', 'Acme, Inc.', '--format', 'csv']).stdout)
    expect(rows[1]!.slice(3, 5)).toEqual(['\'=HYPERLINK("http://example.com/x","open me")', "'@SUM(A1:A9)"])
    // Numbers stay numbers.
    expect(rows[1]![5]).toMatch(/^\d+$/)
  })

  it('gives JSON in the documented shape', () => {
    const box = seededSandbox()
    const report = JSON.parse(tasktrail(box, ['report', '--format', 'json']).stdout)
    expect(Object.keys(report)).toEqual(['version', 'generated_at', 'filter', 'timesheet', 'requests', 'estimates', 'sessions'])
    expect(report.version).toBe(1)
    expect(report.filter).toEqual({ client: null, project: null, since: null, until: null, host: null })
    expect(Object.keys(report.timesheet)).toEqual(['days', 'clients', 'total_minutes'])
    expect(Object.keys(report.timesheet.days[0].clients[0].items[0])).toEqual(['work_item_id', 'task_id', 'category', 'problem', 'solution', 'minutes'])
    expect(report.timesheet.clients).toEqual([
      { client: 'Dataforth', work_items: 4, minutes: 120, rounding: { increment_minutes: 6, minimum_minutes: 15, rounding: 'up' } },
      { client: 'Northwind Traders', work_items: 1, minutes: 15, rounding: { increment_minutes: 15, minimum_minutes: 15, rounding: 'nearest' } }
    ])
    expect(report.timesheet.total_minutes).toBe(135)
    expect(Object.keys(report.requests[0])).toEqual([
      'task_id', 'title', 'request', 'client', 'project', 'status', 'completed_at', 'tasks_completed', 'tasks_total',
      'active_minutes', 'billable_minutes', 'files', 'outcome'
    ])
    expect(report.estimates[0]).toEqual({ task_type: 'bugfix', estimated_complexity: 'medium', tasks: 1, average_minutes: 29, min_minutes: 29, max_minutes: 29 })
    const nas = report.sessions.find((s: any) => s.session_id === 'demo-dataforth-1')
    expect(nas.lanes.map((l: any) => [l.title, l.agent])).toEqual([
      ['Set up NAS sync monitoring', null], ['Research current sync system', 'general-purpose'],
      ['Write the monitor script', null], ['Test the alert with a stopped sync', null], ['Fix nightly backup failing on AD2', null]
    ])
  })

  it('refuses a bad day, an unknown format and an unknown client, saying what to do', () => {
    const box = seededSandbox()
    expect(tasktrail(box, ['report', '--since', '10/03/2025'])).toMatchObject({ code: 2, stderr: 'tasktrail: --since takes a day as YYYY-MM-DD, not "10/03/2025"\n' })
    expect(tasktrail(box, ['report', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: 'tasktrail: --format takes md, csv, json, html, not "pdf"\n' })
    expect(tasktrail(box, ['report', '--client', 'Nobody'])).toMatchObject({ code: 1, stderr: `tasktrail: no client is named "Nobody"; node '${CLI}' clients lists them\n` })
  })
})

describe('the HTML report in headless Chromium', () => {
  it('loads as one self-contained file, shows the timesheet, totals and timeline, and renders a screenshot', () => {
    const box = seededSandbox()
    const file = join(box.dir, 'report.html')
    expect(tasktrail(box, ['report', '--format', 'html', '--output', file]).code).toBe(0)
    const html = readFileSync(file, 'utf8')
    // Nothing to fetch: no scripts, links, images or URLs.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|https?:/i)
    expect(html).toContain('@media print')
    const chromium = (args: string[]) => spawnSync('/usr/bin/chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(box.dir, 'chromium-'))}`, ...args, `file://${file}`
    ], { encoding: 'utf8', timeout: 60_000 })
    const dom = chromium(['--dump-dom'])
    expect(dom.status).toBe(0)
    const text = dom.stdout.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(text).toContain('Billable 2 h 15 min 2.25 h in 5 work items')
    expect(text).toContain('2025-03-10')
    expect(text).toContain('Set up monitoring for the Dataforth NAS, alert if sync fails')
    expect(text).toContain('Total 2025-03-11 51 0.85')
    expect(text).toContain('Northwind Traders 1 15 0.25 round to nearest to 15 min, minimum 15 min')
    expect(text).toContain('Research current sync system general-purpose')
    expect(dom.stdout.match(/class="bar/g)!.length).toBeGreaterThan(8)
    const png = join(box.dir, 'report.png')
    const shot = chromium([`--screenshot=${png}`, '--window-size=1200,1600'])
    expect(shot.status).toBe(0)
    expect(statSync(png).size).toBeGreaterThan(20_000)
    console.log(`screenshot: ${png}`)
  })
})
