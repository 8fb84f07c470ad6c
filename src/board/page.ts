// The board's page: one response with the project's tasks, and the script and style inline
// (plain files in web/, copied to dist/web/ by the build), so the board is drawn after a
// single request.
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Board } from './data.js'

const web = (file: string) => readFileSync(join(import.meta.dirname, 'web', file), 'utf8')
const SCRIPT = web('board.js')
const STYLE = web('board.css')

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page; `nonce` lets its own inline script and style run, and nothing else (CSP). */
export function pageHtml(token: string, nonce: string, board: Board): string {
  const mode = board.repo.client ? `client ${board.repo.client}` : board.repo.project ? `project ${board.repo.project}` : 'normal mode'
  // In a JSON script element "</script>" would end it: every "<" is written as \u003c.
  const data = JSON.stringify(board).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<meta name="tasktrail-token" content="${escapeHtml(token)}">
<title>${escapeHtml(basename(board.repo.root))} · tasktrail board</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <h1>tasktrail<span title="${escapeHtml(board.repo.root)}">${escapeHtml(basename(board.repo.root) || board.repo.root)}</span></h1>
  <span class="mode">${escapeHtml(mode)}</span>
  <nav class="tabs"><button data-view="board" aria-selected="true">Board</button><button data-view="timeline" aria-selected="false">Timeline</button></nav>
  <span class="spacer"></span>
  <span class="live">live</span>
</header>
<div id="notice" role="alert" hidden></div>
<div class="filters">
  <input id="search" type="search" placeholder="Search titles, ids, agents, files  ( / )" autocomplete="off">
  <select id="f-request" aria-label="Request"></select>
  <select id="f-session" aria-label="Session"></select>
  <select id="f-agent" aria-label="Agent"></select>
  <select id="f-host" aria-label="Agent CLI"></select>
  <select id="f-owner" aria-label="Client or project"></select>
  <span class="count"></span>
</div>
<main>
  <div class="board"></div>
  <div class="timeline"><div class="pick"><label for="t-request">Request</label><select id="t-request"></select></div><div id="timeline-body"></div></div>
  <aside></aside>
</main>
<script id="board-data" type="application/json">${data}</script>
<script type="module" nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`
}
