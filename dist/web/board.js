// The board page: plain DOM, no framework. The server embeds the project's tasks in the page
// and streams their changes (server-sent events); every change a person asks for is a POST
// that runs the tasktrail command doing it, whose answer is shown as the CLI prints it.
const initial = JSON.parse(document.getElementById('board-data').textContent)
const token = document.querySelector('meta[name="tasktrail-token"]').content
const COLUMNS = [['pending', 'Pending'], ['in_progress', 'In progress'], ['blocked', 'Blocked'], ['completed', 'Completed'], ['cancelled', 'Cancelled']]
/** Root cards drawn per column before "show more": a column of thousands stays quick to draw. */
const PAGE = 150
const tasks = new Map(initial.tasks.map((t) => [t.id, t]))
let lastEvent = initial.lastEvent
const state = { search: '', request: '', session: '', agent: '', host: '', owner: '', shown: {}, selected: null, view: 'board', flash: new Set() }

const $ = (selector) => document.querySelector(selector)
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue
    if (key === 'class') node.className = value
    else if (key === 'text') node.textContent = value
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value)
    else if (key === 'dataset') Object.assign(node.dataset, value)
    else node.setAttribute(key, value === true ? '' : value)
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child)
  return node
}

function duration(ms) {
  if (!ms) return ''
  const minutes = Math.round(ms / 60000)
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}
const clock = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })

// ---- the index the filters and the nesting use ----
function rootOf(task) {
  let t = task
  for (let i = 0; t.parent && tasks.has(t.parent) && i < 100; i++) t = tasks.get(t.parent)
  return t
}
/** The agent CLIs by the names people use (src/model/task-host.ts). */
const HOSTS = { 'claude-code': 'Claude Code', codex: 'Codex CLI', gemini: 'Gemini CLI' }
const hostName = (host) => HOSTS[host] ?? host
function owner(task) {
  return task.client ? `client:${task.client}` : task.project ? `project:${task.project}` : ''
}
function matches(task) {
  if (state.request && rootOf(task).id !== state.request) return false
  if (state.session && task.session !== state.session) return false
  if (state.agent && !task.agents.includes(state.agent)) return false
  if (state.host && task.host !== state.host) return false
  if (state.owner && owner(task) !== state.owner) return false
  if (state.search) {
    const text = `${task.title} ${task.id} ${task.type ?? ''} ${task.agents.join(' ')} ${task.files.join(' ')} ${task.blocked ?? ''}`.toLowerCase()
    if (!text.includes(state.search)) return false
  }
  return true
}
const byPosition = (a, b) => a.position - b.position || a.created.localeCompare(b.created) || a.id.localeCompare(b.id)

// ---- the board ----
/** Each task's subtasks, in every column: a card says how far its plan is. */
let subtasks = new Map()
function indexSubtasks() {
  subtasks = new Map()
  for (const task of tasks.values()) {
    if (!task.parent) continue
    if (!subtasks.has(task.parent)) subtasks.set(task.parent, [])
    subtasks.get(task.parent).push(task)
  }
}
function progress(task) {
  const steps = (subtasks.get(task.id) ?? []).filter((t) => t.status !== 'cancelled')
  if (!steps.length) return null
  const done = steps.filter((t) => t.status === 'completed').length
  const bar = el('span', { class: 'progress', title: `${done} of ${steps.length} subtasks completed` }, el('i'))
  bar.firstChild.style.width = `${(done / steps.length) * 100}%`
  return el('span', { class: 'steps' }, bar, `${done}/${steps.length}`)
}

function card(task, childrenOf, depth) {
  const node = el('div', { class: `card${state.flash.has(task.id) ? ' flash' : ''}${state.selected === task.id ? ' selected' : ''}`, dataset: { id: task.id, status: task.status }, draggable: 'true', tabindex: '0' })
  const quick = el('div', { class: 'quick' })
  if (task.status === 'pending' || task.status === 'blocked') quick.append(el('button', { title: 'Start', 'data-act': 'start', text: '▶' }))
  if (task.status !== 'completed' && task.status !== 'cancelled') quick.append(el('button', { title: 'Done', 'data-act': 'done', text: '✓' }))
  else quick.append(el('button', { title: 'Reopen', 'data-act': 'reopen', text: '↺' }))
  node.append(quick)
  if (depth === 0 && task.parent && tasks.has(task.parent)) node.append(el('div', { class: 'crumb', text: `↳ ${tasks.get(task.parent).title}` }))
  node.append(el('div', { class: 'title', text: task.title }))
  const meta = el('div', { class: 'meta' },
    task.type && el('span', { class: 'chip type', text: task.type }),
    progress(task),
    task.agents.map((a) => el('span', { class: 'chip agent', text: a })),
    // Claude Code is the usual one: only another CLI is named on the card.
    task.host && task.host !== 'claude-code' && el('span', { class: 'chip host', title: 'agent CLI', text: hostName(task.host) }),
    task.ms > 0 && el('span', { class: 'time', title: 'measured active time', text: duration(task.ms) }),
    task.files.length > 0 && el('span', { title: task.files.join('\n'), text: `${task.files.length} file${task.files.length === 1 ? '' : 's'}` }),
    el('span', { class: 'id', text: task.id }))
  node.append(meta)
  if (task.blocked) node.append(el('div', { class: 'reason', text: `Blocked: ${task.blocked}` }))
  if (task.files.length && depth === 0 && task.files.length <= 3) node.append(el('ul', { class: 'files' }, task.files.map((f) => el('li', { text: f }))))
  for (const child of childrenOf.get(task.id) ?? []) node.append(card(child, childrenOf, depth + 1))
  return node
}

function renderBoard() {
  indexSubtasks()
  const visible = []
  for (const task of tasks.values()) if (matches(task)) visible.push(task)
  visible.sort(byPosition)
  const board = $('.board')
  const columns = []
  for (const [status, label] of COLUMNS) {
    const inColumn = visible.filter((t) => t.status === status)
    const ids = new Set(inColumn.map((t) => t.id))
    const childrenOf = new Map()
    const roots = []
    for (const task of inColumn) {
      if (task.parent && ids.has(task.parent)) {
        if (!childrenOf.has(task.parent)) childrenOf.set(task.parent, [])
        childrenOf.get(task.parent).push(task)
      } else roots.push(task)
    }
    // Requests first by when they were asked, newest on top; subtasks keep their plan's order.
    roots.sort((a, b) => (!a.parent && !b.parent ? b.created.localeCompare(a.created) : 0))
    const limit = state.shown[status] ?? PAGE
    const cards = el('div', { class: 'cards' }, roots.slice(0, limit).map((t) => card(t, childrenOf, 0)))
    if (!roots.length) cards.append(el('div', { class: 'empty', text: 'nothing here' }))
    if (roots.length > limit) cards.append(el('button', { class: 'more', 'data-more': status, text: `Show ${Math.min(PAGE * 4, roots.length - limit)} more of ${roots.length - limit}` }))
    columns.push(el('section', { class: 'column', dataset: { status } }, el('h2', {}, label, el('span', { class: 'n', text: String(inColumn.length) })), cards))
  }
  board.replaceChildren(...columns)
  $('.count').textContent = `${visible.length} of ${tasks.size} tasks`
  state.flash.clear()
}

// ---- filters ----
function option(value, text, selected) {
  return el('option', { value, selected: value === selected, text })
}
function renderFilters() {
  const requests = [...tasks.values()].filter((t) => !t.parent || !tasks.has(t.parent)).sort((a, b) => b.created.localeCompare(a.created))
  const sessions = new Set(), agents = new Set(), hosts = new Set(), owners = new Set()
  for (const t of tasks.values()) {
    if (t.session) sessions.add(t.session)
    for (const a of t.agents) agents.add(a)
    if (t.host) hosts.add(t.host)
    if (owner(t)) owners.add(owner(t))
  }
  const shown = requests.slice(0, 500)
  // Filled again only when the choices change: an open list would close under the person's pointer.
  fill('#f-request', [['', 'All requests'], ...shown.map((t) => [t.id, t.title.slice(0, 80)])], state.request)
  fill('#f-session', [['', 'All sessions'], ...[...sessions].sort().map((s) => [s, `session ${s.slice(0, 8)}`])], state.session)
  fill('#f-agent', [['', 'All agents'], ...[...agents].sort().map((a) => [a, a])], state.agent)
  fill('#f-host', [['', 'All agent CLIs'], ...[...hosts].sort().map((h) => [h, hostName(h)])], state.host)
  fill('#f-owner', [['', 'All clients and projects'], ...[...owners].sort().map((o) => [o, o.replace(':', ': ')])], state.owner)
  if (!state.timeline && requests.length) state.timeline = [...requests].sort((a, b) => (b.started ?? b.created).localeCompare(a.started ?? a.created))[0].id
  fill('#t-request', shown.map((t) => [t.id, t.title.slice(0, 100)]), state.timeline)
}
function fill(selector, choices, selected) {
  const select = $(selector)
  const key = JSON.stringify(choices)
  if (select.dataset.key !== key) {
    select.dataset.key = key
    select.replaceChildren(...choices.map(([value, text]) => option(value, text, selected)))
  }
  select.value = selected ?? ''
}

// ---- the detail panel and steering ----
async function steer(body) {
  const response = await fetch('/api/steer', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tasktrail-Token': token }, body: JSON.stringify(body) })
  const answer = await response.json()
  const message = $('#message')
  if (message) {
    message.textContent = answer.message
    message.classList.toggle('refused', !answer.ok)
  }
  return answer
}

function renderDetail() {
  const aside = $('aside')
  const task = tasks.get(state.selected)
  aside.classList.toggle('open', Boolean(task))
  if (!task) return aside.replaceChildren()
  // Drawn again on every change of the board: what the person is typing, and where, stays.
  const same = aside.dataset.task === task.id
  const typed = same ? Object.fromEntries([...aside.querySelectorAll('input')].map((i) => [i.id, i.value])) : {}
  if (typed['new-title'] === aside.dataset.title) delete typed['new-title']
  const focused = same && aside.contains(document.activeElement) ? document.activeElement.id || document.activeElement.dataset.verb || document.activeElement.dataset.act : null
  aside.dataset.task = task.id
  aside.dataset.title = task.title
  const keep = same && $('#message') ? $('#message').cloneNode(true) : el('div', { id: 'message', class: 'message' })
  const row = (term, value) => value ? [el('dt', { text: term }), el('dd', { text: value })] : []
  const input = (id, placeholder, value = '') => el('input', { id, placeholder, value: typed[id] ?? value })
  const moves = el('div', { class: 'moves' },
    ['start', 'done', 'cancel', 'reopen'].map((verb) => el('button', { class: `btn${verb === 'done' ? ' primary' : ''}`, 'data-verb': verb, text: verb[0].toUpperCase() + verb.slice(1) })))
  const parentTitle = task.parent && tasks.get(task.parent)?.title
  aside.replaceChildren(...[
    el('button', { class: 'close', title: 'Close', 'data-close': '1', text: '×' }),
    el('h3', { text: task.title }),
    el('div', { class: 'id', text: task.id }),
    el('dl', {},
      row('Status', task.status.replace('_', ' ')), row('Type', task.type), row('Agents', task.agents.join(', ')), row('Time', duration(task.ms)),
      row('Part of', parentTitle), row('Session', task.session), row('Agent CLI', task.host && hostName(task.host)), row('Client', task.client), row('Project', task.project),
      row('Blocked', task.blocked), row('Outcome', task.outcome), row('Started', task.started && new Date(task.started).toLocaleString()),
      row('Completed', task.completed && new Date(task.completed).toLocaleString())),
    task.files.length ? el('section', {}, el('h4', { text: `Files (${task.files.length})` }), el('ul', { class: 'files' }, task.files.map((f) => el('li', { title: f, text: f })))) : null,
    el('section', {}, el('h4', { text: 'Move' }), moves,
      el('div', { class: 'row', style: null }, input('block-reason', 'What does it wait for?'), el('button', { class: 'btn', 'data-verb': 'block', text: 'Block' }))),
    el('section', {}, el('h4', { text: 'Rename' }), el('div', { class: 'row' }, input('new-title', 'Title', task.title), el('button', { class: 'btn', 'data-act': 'rename', text: 'Rename' }))),
    el('section', {}, el('h4', { text: 'Add a subtask' }), el('div', { class: 'row' }, input('subtask-title', 'Title of the subtask'), el('button', { class: 'btn', 'data-act': 'add', text: 'Add' }))),
    task.client ? el('section', {}, el('h4', { text: `Bill (${task.client})` }), el('div', { class: 'row' }, el('input', { id: 'bill-minutes', type: 'number', min: '0', placeholder: 'minutes', value: typed['bill-minutes'] }), el('button', { class: 'btn', 'data-act': 'bill', text: 'Bill minutes' }))) : null,
    el('section', {}, el('button', { class: 'btn', 'data-act': 'timeline', text: 'Timeline of its request' }), keep)
  ].filter(Boolean))
  if (focused) aside.querySelector(`#${CSS.escape(focused)}, [data-verb="${focused}"], [data-act="${focused}"]`)?.focus()
}

document.addEventListener('click', async (event) => {
  const target = event.target.closest('button, .card')
  if (!target) return
  if (target.dataset.more) {
    state.shown[target.dataset.more] = (state.shown[target.dataset.more] ?? PAGE) + PAGE * 4
    return renderBoard()
  }
  if (target.dataset.dismiss) {
    $('#notice').hidden = true
    return
  }
  if (target.dataset.close) {
    state.selected = null
    renderBoard()
    return renderDetail()
  }
  if (target.dataset.view) return show(target.dataset.view)
  const quickCard = target.closest('.quick') && target.closest('.card')
  if (quickCard) {
    event.stopPropagation()
    state.selected = quickCard.dataset.id
    renderDetail()
    return steer({ action: target.dataset.act, id: quickCard.dataset.id })
  }
  if (target.classList.contains('card')) {
    state.selected = target.dataset.id
    renderBoard()
    return renderDetail()
  }
  const id = state.selected
  if (target.dataset.verb) {
    const reason = target.dataset.verb === 'block' ? $('#block-reason').value : undefined
    return steer({ action: target.dataset.verb, id, reason })
  }
  switch (target.dataset.act) {
    case 'rename': return steer({ action: 'rename', id, title: $('#new-title').value })
    case 'add': {
      const answer = await steer({ action: 'add', parent: id, title: $('#subtask-title').value })
      if (answer.ok) $('#subtask-title').value = ''
      return
    }
    case 'bill': return steer({ action: 'bill', id, minutes: $('#bill-minutes').value })
    case 'timeline':
      state.timeline = rootOf(tasks.get(id)).id
      return show('timeline')
  }
})

// Dragging a card onto a column is the move to that status.
const DROP_VERB = { pending: 'reopen', in_progress: 'start', completed: 'done', cancelled: 'cancel', blocked: 'block' }
document.addEventListener('dragstart', (event) => {
  const node = event.target.closest?.('.card')
  if (node) event.dataTransfer.setData('text/x-task', node.dataset.id)
})
document.addEventListener('dragover', (event) => {
  const column = event.target.closest?.('.column')
  if (!column) return
  event.preventDefault()
  document.querySelectorAll('.column.drop').forEach((c) => c !== column && c.classList.remove('drop'))
  column.classList.add('drop')
})
document.addEventListener('dragend', () => document.querySelectorAll('.column.drop').forEach((c) => c.classList.remove('drop')))
document.addEventListener('drop', (event) => {
  const column = event.target.closest?.('.column')
  document.querySelectorAll('.column.drop').forEach((c) => c.classList.remove('drop'))
  const id = event.dataTransfer.getData('text/x-task')
  if (!column || !id) return
  event.preventDefault()
  state.selected = id
  renderDetail()
  const verb = DROP_VERB[column.dataset.status]
  if (verb === 'block') return $('#block-reason').focus()
  steer({ action: verb, id })
})

// ---- the timeline ----
let timelineRequest = 0
const api = (path) => fetch(path, { headers: { 'X-Tasktrail-Token': token } }).then((r) => r.json())

function ticks(start, end) {
  const span = end - start
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400].map((s) => s * 1000)
  const step = steps.find((s) => span / s <= 8) ?? steps[steps.length - 1]
  const out = []
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) out.push(t)
  return out
}

async function renderTimeline() {
  const asked = ++timelineRequest
  const [timeline, billed] = await Promise.all([state.timeline ? api(`/api/timeline?request=${encodeURIComponent(state.timeline)}`) : null, initial.repo.client || [...tasks.values()].some((t) => t.client) ? api('/api/billed') : null])
  if (asked !== timelineRequest) return
  const parts = []
  if (timeline?.lanes) {
    const { start, end } = timeline
    const at = (ms) => `${((ms - start) / (end - start)) * 100}%`
    const rows = [el('div'), el('div', { class: 'axis' }, ticks(start, end).map((t) => { const s = el('span', { text: clock(t) }); s.style.left = at(t); return s }))]
    const shown = timeline.lanes.filter((l) => l.spans.length || l.marks.length)
    for (const lane of shown) {
      const label = el('div', { class: 'lane-label', title: lane.title }, lane.agent && el('span', { class: 'chip agent', text: lane.agent }), ` ${lane.title}`)
      label.style.paddingLeft = `${lane.depth * 12}px`
      const track = el('div', { class: 'lane', dataset: { status: lane.status } })
      for (const span of lane.spans) {
        const bar = el('div', { class: 'bar', title: `${lane.agent ?? lane.title}: ${clock(span.start)}–${clock(span.end)} (${duration(span.end - span.start)})` })
        bar.style.left = at(span.start)
        bar.style.width = `${((span.end - span.start) / (end - start)) * 100}%`
        if (lane.agent) bar.style.background = '#9c36b5'
        track.append(bar)
      }
      for (const mark of lane.marks) {
        const m = el('div', { class: `mark ${mark.kind}`, title: `${clock(mark.at)} ${mark.kind === 'file' ? 'wrote' : mark.kind === 'failure' ? 'failed:' : ''} ${mark.text}` })
        m.style.left = at(mark.at)
        track.append(m)
      }
      rows.push(label, track)
    }
    parts.push(el('div', { class: 'chart' }, el('h3', { text: `${timeline.request.title} · ${clock(start)} – ${clock(end)} · ${duration(end - start)}` }),
      shown.length ? el('div', { class: 'lanes' }, rows) : el('div', { class: 'empty', text: 'nothing was worked on in this request yet' }),
      el('div', { class: 'legend' }, el('span', {}, el('i', { dataset: { status: 'in_progress' } }), 'task in progress'), el('span', {}, (() => { const i = el('i'); i.style.background = '#9c36b5'; return i })(), 'agent run'),
        el('span', {}, (() => { const i = el('i'); i.style.background = 'var(--file)'; return i })(), 'file written'), el('span', {}, (() => { const i = el('i'); i.style.background = 'var(--danger)'; return i })(), 'failure'),
        el('span', {}, (() => { const i = el('i'); i.style.background = 'var(--muted)'; return i })(), 'status change'))))
  }
  if (billed?.days?.length) {
    const clients = [...new Set(billed.days.flatMap((d) => d.clients.map((c) => c.client)))].sort()
    const palette = ['#2f6fed', '#2b8a3e', '#e67700', '#9c36b5', '#0c8599', '#c2255c']
    const color = (client) => palette[clients.indexOf(client) % palette.length]
    const most = Math.max(...billed.days.map((d) => d.clients.reduce((s, c) => s + c.minutes, 0)))
    const days = billed.days.map((d) => {
      const total = d.clients.reduce((s, c) => s + c.minutes, 0)
      const stack = el('div', { class: 'stack' }, d.clients.map((c) => { const b = el('div', { title: `${c.client}: ${c.minutes} min` }); b.style.height = `${(c.minutes / most) * 130}px`; b.style.background = color(c.client); return b }))
      return el('div', { class: 'day' }, el('b', { text: `${total} min` }), stack, el('small', { text: d.date }))
    })
    parts.push(el('div', { class: 'chart' }, el('h3', { text: 'Billable minutes per day' }), el('div', { class: 'days' }, days),
      el('div', { class: 'legend' }, clients.map((c) => { const i = el('i'); i.style.background = color(c); return el('span', {}, i, c) }))))
  }
  $('#timeline-body').replaceChildren(...parts)
}

function show(view) {
  state.view = view
  document.querySelectorAll('.tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === view)))
  $('.board').style.display = view === 'board' ? '' : 'none'
  $('.filters').style.display = view === 'board' ? '' : 'none'
  $('.timeline').classList.toggle('open', view === 'timeline')
  $('aside').style.display = view === 'board' ? '' : 'none'
  if (view === 'timeline') {
    $('#t-request').value = state.timeline ?? ''
    renderTimeline()
  }
}

// ---- filters' events ----
let typing
$('#search').addEventListener('input', (event) => {
  clearTimeout(typing)
  typing = setTimeout(() => { state.search = event.target.value.trim().toLowerCase(); state.shown = {}; renderBoard() }, 120)
})
for (const [id, key] of [['#f-request', 'request'], ['#f-session', 'session'], ['#f-agent', 'agent'], ['#f-host', 'host'], ['#f-owner', 'owner']]) {
  $(id).addEventListener('change', (event) => { state[key] = event.target.value; state.shown = {}; renderBoard() })
}
$('#t-request').addEventListener('change', (event) => { state.timeline = event.target.value; renderTimeline() })
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && document.activeElement.tagName !== 'INPUT') { event.preventDefault(); $('#search').focus() }
  if (event.key === 'Escape' && state.selected) { state.selected = null; renderBoard(); renderDetail() }
  if (event.key === 'Enter' && document.activeElement?.classList.contains('card')) document.activeElement.click()
})

// ---- live ----
let pending = false
function schedule() {
  if (pending) return
  pending = true
  requestAnimationFrame(() => {
    pending = false
    renderFilters()
    renderBoard()
    renderDetail()
    if (state.view === 'timeline') renderTimeline()
  })
}
function connect() {
  const source = new EventSource(`/events?token=${encodeURIComponent(token)}&since=${lastEvent}`)
  source.addEventListener('open', () => $('.live').classList.add('on'))
  // Reconnects from the last change seen, not from the page's snapshot.
  source.addEventListener('error', () => {
    $('.live').classList.remove('on')
    source.close()
    setTimeout(connect, 1000)
  })
  const take = (flash) => (event) => {
    const changes = JSON.parse(event.data)
    for (const task of changes.tasks) {
      tasks.set(task.id, task)
      if (flash) state.flash.add(task.id)
    }
    for (const id of changes.removed) tasks.delete(id)
    if (state.selected && !tasks.has(state.selected)) state.selected = null
    lastEvent = Math.max(lastEvent, changes.lastEvent)
    document.body.dataset.lastEvent = String(lastEvent)
    schedule()
  }
  source.addEventListener('notice', (event) => {
    const text = JSON.parse(event.data)
    $('#notice').replaceChildren(text, el('button', { class: 'close', title: 'Dismiss', 'data-dismiss': '1', text: '×' }))
    $('#notice').hidden = !text
  })
  source.addEventListener('tasks', take(true))
  source.addEventListener('times', take(false))
}

renderFilters()
renderBoard()
show('board')
connect()
document.body.dataset.readyAt = String(performance.now())
document.body.dataset.readyAt = String(performance.now())
document.body.dataset.ready = 'true'
