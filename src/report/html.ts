// The report as one self-contained HTML page (inline CSS, no script, nothing fetched):
// the timesheet, the work summary and a timeline of the agents' work per session, laid
// out to print on A4 as well as to read on screen.
import { describeRule } from '../billing/rounding.js'
import type { Report } from './data.js'
import { periodOf } from './markdown.js'
import { formatMinutes, hours } from './units.js'

function escapeHtml(value: string | number | null): string {
  return value === null ? '' : String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function localTime(iso: string): string {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0 auto;max-width:1100px;padding:32px 40px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:2px solid #1d2330;padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:#5b6475;margin:0}
.totals{display:flex;gap:16px;margin:20px 0 0}
.total{border:1px solid #c9cfdb;border-radius:6px;padding:10px 16px;min-width:170px}
.total b{display:block;font-size:22px}.total span{color:#5b6475}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #dde1e8}
th{background:#f1f3f7;font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#3b4252}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.sum td{font-weight:700;border-top:2px solid #1d2330;border-bottom:none}
.files{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#3b4252}
.session{margin:14px 0 22px;break-inside:avoid}
.axis{display:flex;justify-content:space-between;color:#5b6475;font-size:12px;margin-left:34%}
.lane{display:flex;align-items:center;margin:3px 0}
.label{width:34%;padding-right:10px;font-size:13px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.label small{color:#5b6475}
.track{position:relative;flex:1;height:16px;background:#f1f3f7;border-radius:3px}
.bar{position:absolute;top:0;bottom:0;background:#2f6fde;border-radius:3px;min-width:2px;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.bar.agent{background:#d9822b}
.legend{font-size:12px;color:#5b6475}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
.empty{color:#5b6475;font-style:italic}
@page{size:A4;margin:14mm}
@media print{body{padding:0;max-width:none;font-size:11px}h2{break-after:avoid}tr,.total{break-inside:avoid}thead{display:table-header-group}.totals{gap:8px}}
`

function timesheet(report: Report): string {
  const { days, clients, total_minutes } = report.timesheet
  if (days.length === 0) return '<p class="empty">No billable work in this period.</p>'
  const parts: string[] = []
  for (const day of days) {
    const rows = day.clients.flatMap((group) => group.items.map((item) =>
      `<tr><td>${escapeHtml(group.client)}</td><td>${escapeHtml(item.category)}</td><td>${escapeHtml(item.problem)}</td><td>${escapeHtml(item.solution)}</td><td class="n">${item.minutes}</td><td class="n">${hours(item.minutes)}</td></tr>`))
    parts.push(`<h3>${escapeHtml(day.date)}</h3><table><thead><tr><th>Client</th><th>Category</th><th>Work</th><th>Outcome</th><th class="n">Minutes</th><th class="n">Hours</th></tr></thead><tbody>${rows.join('')}` +
      `<tr class="sum"><td colspan="4">Total ${escapeHtml(day.date)}</td><td class="n">${day.minutes}</td><td class="n">${hours(day.minutes)}</td></tr></tbody></table>`)
  }
  const byClient = clients.map((c) => `<tr><td>${escapeHtml(c.client)}</td><td class="n">${c.work_items}</td><td class="n">${c.minutes}</td><td class="n">${hours(c.minutes)}</td><td>${escapeHtml(describeRule(c.rounding))}</td></tr>`)
  parts.push(`<h3>Totals by client</h3><table><thead><tr><th>Client</th><th class="n">Work items</th><th class="n">Minutes</th><th class="n">Hours</th><th>Rounding</th></tr></thead><tbody>${byClient.join('')}` +
    `<tr class="sum"><td>Total</td><td></td><td class="n">${total_minutes}</td><td class="n">${hours(total_minutes)}</td><td></td></tr></tbody></table>`)
  return parts.join('\n')
}

function workSummary(report: Report): string {
  if (report.requests.length === 0) return '<p class="empty">No requests completed or in progress in this period.</p>'
  const rows = report.requests.map((r) =>
    `<tr><td><b>${escapeHtml(r.title)}</b>${r.request && r.request !== r.title ? `<br>${escapeHtml(r.request)}` : ''}</td><td>${escapeHtml(r.status.replace('_', ' '))}</td>` +
    `<td class="n">${r.tasks_completed}/${r.tasks_total}</td><td class="n">${escapeHtml(formatMinutes(r.active_minutes))}</td><td class="n">${r.billable_minutes === null ? '' : escapeHtml(formatMinutes(r.billable_minutes))}</td>` +
    `<td>${escapeHtml(r.outcome)}${r.files.length ? `<div class="files">${r.files.map(escapeHtml).join('<br>')}</div>` : ''}</td></tr>`)
  return `<table><thead><tr><th>Request</th><th>Status</th><th class="n">Tasks</th><th class="n">Time</th><th class="n">Billed</th><th>Outcome and files</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function estimates(report: Report): string {
  if (report.estimates.length === 0) return ''
  const rows = report.estimates.map((e) =>
    `<tr><td>${escapeHtml(e.task_type ?? 'untyped')}</td><td>${escapeHtml(e.estimated_complexity)}</td><td class="n">${e.tasks}</td><td class="n">${escapeHtml(formatMinutes(e.average_minutes))}</td><td class="n">${escapeHtml(formatMinutes(e.min_minutes))} – ${escapeHtml(formatMinutes(e.max_minutes))}</td></tr>`)
  return `<h2>Estimate versus actual</h2><table><thead><tr><th>Type</th><th>Estimate</th><th class="n">Tasks</th><th class="n">Average</th><th class="n">Range</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function timeline(report: Report): string {
  if (report.sessions.length === 0) return '<p class="empty">No session activity recorded for this work.</p>'
  const parts = ['<p class="legend">Bars show when each task was being worked on:<i style="background:#2f6fde"></i>task<i style="background:#d9822b"></i>task run by an agent</p>']
  for (const session of report.sessions) {
    const from = Date.parse(session.start)
    const length = Math.max(Date.parse(session.end) - from, 1)
    const lanes = session.lanes.map((lane) => {
      const bars = lane.spans.map((s) => {
        const left = ((Date.parse(s.start) - from) / length) * 100
        const width = ((Date.parse(s.end) - Date.parse(s.start)) / length) * 100
        return `<span class="bar${lane.agent ? ' agent' : ''}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%" title="${escapeHtml(`${localTime(s.start)}–${localTime(s.end)}`)}"></span>`
      })
      return `<div class="lane"><div class="label" title="${escapeHtml(lane.title)}">${escapeHtml(lane.title)} <small>${escapeHtml([lane.agent, formatMinutes(lane.active_minutes)].filter(Boolean).join(' · '))}</small></div><div class="track">${bars.join('')}</div></div>`
    })
    parts.push(`<div class="session"><h3>Session ${escapeHtml(session.session_id.slice(0, 8))} · ${escapeHtml(session.start.slice(0, 10))} ${escapeHtml(localTime(session.start))}–${escapeHtml(localTime(session.end))}</h3>` +
      `<div class="axis"><span>${escapeHtml(localTime(session.start))}</span><span>${escapeHtml(localTime(session.end))}</span></div>${lanes.join('')}</div>`)
  }
  return parts.join('\n')
}

export function renderHtml(report: Report): string {
  const { filter, timesheet: sheet } = report
  const title = ['Work report', filter.client, filter.project].filter(Boolean).join(' · ')
  const scope = [filter.client && `Client: ${filter.client}`, filter.project && `Project: ${filter.project}`, `Period: ${periodOf(report)}`, `Generated ${report.generated_at.slice(0, 10)}`].filter(Boolean)
  const completed = report.requests.filter((r) => r.status === 'completed').length
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${scope.map(escapeHtml).join(' · ')}</p>
<div class="totals"><div class="total"><span>Billable</span><b>${escapeHtml(formatMinutes(sheet.total_minutes))}</b><span>${hours(sheet.total_minutes)} h in ${sheet.days.reduce((n, d) => n + d.clients.reduce((m, c) => m + c.items.length, 0), 0)} work items</span></div>
<div class="total"><span>Requests completed</span><b>${completed}</b><span>${report.requests.length - completed} still open</span></div></div>
<h2>Timesheet</h2>
${timesheet(report)}
<h2>Work summary</h2>
${workSummary(report)}
${estimates(report)}
<h2>Timeline</h2>
${timeline(report)}
</body></html>
`
}
