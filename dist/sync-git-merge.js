var __import_meta_url = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/sync/git-merge.ts
var git_merge_exports = {};
__export(git_merge_exports, {
  installMergeDriver: () => installMergeDriver,
  mergeTaskFiles: () => mergeTaskFiles,
  runMergeDriver: () => runMergeDriver
});
module.exports = __toCommonJS(git_merge_exports);
var import_node_child_process = require("node:child_process");
var import_node_fs2 = require("node:fs");
var import_node_path = require("node:path");

// src/model/ids.ts
var import_node_module = require("node:module");
var ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
var LENGTH = 7;
var TASK_ID_PATTERN = /^t-[0-9a-hjkmnp-tv-z]{4,12}$/;
function newTaskId() {
  const { randomBytes } = (0, import_node_module.createRequire)(__import_meta_url)("node:crypto");
  const bytes = randomBytes(LENGTH);
  let id = "t-";
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}
function isTaskId(value) {
  return TASK_ID_PATTERN.test(value);
}

// src/sync/atomic.ts
var import_node_fs = require("node:fs");
var UnsafeFile = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UnsafeFile";
  }
};
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function readText(path) {
  let stat;
  try {
    stat = (0, import_node_fs.lstatSync)(path);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  if (!stat.isFile()) {
    const what = stat.isSymbolicLink() ? "a symbolic link" : stat.isDirectory() ? "a directory" : "not a regular file";
    throw new UnsafeFile(`${path} is ${what}; tasktrail reads and writes only a regular file there, and left it alone. Replace it with a file.`);
  }
  const bytes = (0, import_node_fs.readFileSync)(path);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnsafeFile(`${path} is not valid UTF-8; tasktrail left it alone rather than replace bytes it cannot read. Save it as UTF-8.`);
  }
}

// src/sync/lines.ts
function fileTasks(parsed) {
  return parsed.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    type: t.meta.type ?? null,
    agent: t.meta.agent ?? null,
    reason: t.meta.reason ?? null,
    parent: t.parent
  }));
}
function linesOf(parsed) {
  const lines = /* @__PURE__ */ new Map();
  const tasks = fileTasks(parsed);
  tasks.forEach((t) => {
    if (t.id === null || lines.has(t.id)) return;
    lines.set(t.id, { ...t, id: t.id, reason: t.status === "blocked" ? t.reason : null, parent: t.parent === null ? null : tasks[t.parent].id });
  });
  return lines;
}

// src/markdown/blocks.ts
function hashText(text) {
  let fnv = 2166136261;
  let murmur = 2538058380;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 16777619);
    murmur = Math.imul(murmur ^ code, 1540483477);
    murmur ^= murmur >>> 15;
  }
  return `${text.length.toString(36)}.${(fnv >>> 0).toString(36)}.${(murmur >>> 0).toString(36)}`;
}
var BLANK = /^[ \t]*\r?$/;
var ATX = /^#{1,6}(?:[ \t]|\r?$)/;
var FENCE_OPEN = /^(`{3,}(?![^\n]*`)|~{3,})/;
var THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;
var LIST_ITEM = /^(?:[-*+]|(\d{1,9})[.)])(?:([ \t]+)(?=[^ \t\r\n])|[ \t]*\r?$)/;
var HTML_ENDS = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
];
var HTML_UNTIL_BLANK = /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|\r?$)/i;
var HTML_TAG_LINE = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*\r?$/;
function indentOf(text) {
  let columns = 0;
  let at = 0;
  for (; at < text.length; at++) {
    const char = text[at];
    if (char === " ") columns++;
    else if (char === "	") columns += 4 - columns % 4;
    else break;
  }
  return { columns, at };
}
function htmlStart(rest, paragraph) {
  for (const [open, close] of HTML_ENDS) if (open.test(rest)) return close;
  if (HTML_UNTIL_BLANK.test(rest)) return "blank";
  if (!paragraph && HTML_TAG_LINE.test(rest)) return "blank";
  return null;
}
function startsBlock(rest) {
  return ATX.test(rest) || FENCE_OPEN.test(rest) || THEMATIC.test(rest) || LIST_ITEM.test(rest) || rest.startsWith(">") || htmlStart(rest, true) !== null;
}
function fenceCloses(text, fence) {
  const { columns, at } = indentOf(text);
  if (columns > 3) return false;
  const rest = text.slice(at).replace(/[ \t\r]+$/, "");
  return rest.length >= fence.length && rest === fence[0].repeat(rest.length);
}
var NOWHERE = /* @__PURE__ */ new Set();
function splitBlocks(source, from, line = 1, stopAt = NOWHERE) {
  const spans = [];
  let spanStart = from;
  let spanLine = line;
  let fence = null;
  let html = null;
  let item = null;
  let paragraph = false;
  let previousBlank = true;
  for (let at = from; at < source.length; line++) {
    const newline = source.indexOf("\n", at);
    const next = newline === -1 ? source.length : newline + 1;
    const text = source.slice(at, newline === -1 ? source.length : newline);
    const blank = BLANK.test(text);
    if (fence !== null) {
      if (fenceCloses(text, fence)) fence = null;
    } else if (html !== null) {
      if (html === "blank" ? blank : html.test(text)) html = null;
    } else if (blank) {
      paragraph = false;
    } else {
      const { columns, at: restAt } = indentOf(text);
      const rest = text.slice(restAt);
      if (columns === 0 && at > spanStart && (previousBlank || ATX.test(rest))) {
        spans.push({ start: spanStart, end: at, line: spanLine });
        if (stopAt.has(at)) return spans;
        spanStart = at;
        spanLine = line;
      }
      const inItem = item !== null && (columns >= item || !previousBlank && !startsBlock(rest));
      if (!inItem) {
        item = null;
        if (columns >= 4) {
        } else if (FENCE_OPEN.test(rest)) {
          fence = FENCE_OPEN.exec(rest)[1];
          paragraph = false;
        } else if (htmlStart(rest, paragraph) !== null) {
          const end = htmlStart(rest, paragraph);
          html = end === "blank" || !end.test(rest.slice(2)) ? end : null;
          paragraph = false;
        } else if (ATX.test(rest) || THEMATIC.test(rest)) {
          paragraph = false;
        } else {
          const listItem = LIST_ITEM.exec(rest);
          const interrupts = listItem !== null && paragraph && (listItem[2] === void 0 || listItem[1] !== void 0 && listItem[1] !== "1");
          if (listItem && !interrupts) {
            const markerWidth = listItem[1] === void 0 ? 1 : listItem[1].length + 1;
            const gap = listItem[2] === void 0 ? 1 : indentOf(listItem[2]).columns;
            item = columns + markerWidth + (gap > 4 ? 1 : gap);
            paragraph = false;
          } else {
            paragraph = true;
          }
        }
      }
    }
    previousBlank = blank;
    at = next;
  }
  if (spanStart < source.length) spans.push({ start: spanStart, end: source.length, line: spanLine });
  return spans;
}

// src/markdown/offsets.ts
function shiftedTask(task, delta, lines, parent = task.parent) {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    meta: task.meta,
    parent,
    order: task.order,
    depth: task.depth,
    line: task.line + lines,
    start: task.start + delta,
    bullet: task.bullet + delta,
    marker: task.marker + delta,
    titleStart: task.titleStart + delta,
    titleEnd: task.titleEnd + delta,
    tailEnd: task.tailEnd + delta,
    end: task.end + delta
  };
}

// src/markdown/lines.ts
var BLANK_LINE = /^[ \t>]*\r?$/;
function countNewlines(text) {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
function endOfContentBefore(source, position, from) {
  let end = position;
  while (end > from) {
    const contentEnd = source[end - 1] === "\n" ? end - 1 : end;
    const lineStart = Math.max(from, source.lastIndexOf("\n", contentEnd - 1) + 1);
    if (!BLANK_LINE.test(source.slice(lineStart, contentEnd))) return end;
    end = lineStart;
  }
  return from;
}
function skipBlankLines(source, at) {
  for (; ; ) {
    const newline = source.indexOf("\n", at);
    if (newline === -1 || !BLANK_LINE.test(source.slice(at, newline))) return at;
    at = newline + 1;
  }
}
function eolOf(source) {
  const newline = source.indexOf("\n");
  return newline > 0 && source[newline - 1] === "\r" ? "\r\n" : "\n";
}
function columnsOf(text, from = 0) {
  let column = from;
  for (const char of text) column = char === "	" ? column + 4 - column % 4 : column + 1;
  return column - from;
}
function expandIndent(line, from) {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
  return " ".repeat(columnsOf(indent, from)) + line.slice(indent.length);
}

// src/model/task.ts
var TASK_TYPES = [
  "implementation",
  "research",
  "review",
  "testing",
  "deployment",
  "documentation",
  "bugfix",
  "analysis"
];
var TERMINAL_STATUSES = ["completed", "cancelled"];
function isTerminal(status) {
  return TERMINAL_STATUSES.includes(status);
}
function isTaskType(value) {
  return typeof value === "string" && TASK_TYPES.includes(value);
}

// src/markdown/task-line.ts
var MARKER_STATUS = {
  " ": "pending",
  x: "completed",
  X: "completed",
  "\u2713": "completed",
  "\u2714": "completed",
  "/": "in_progress",
  "\u2192": "in_progress",
  "!": "blocked",
  "-": "cancelled",
  "~": "cancelled"
};
var CANONICAL_MARKER = {
  pending: " ",
  in_progress: "/",
  blocked: "!",
  completed: "x",
  cancelled: "-"
};
var GFM_MARKER = {
  pending: " ",
  in_progress: " ",
  blocked: " ",
  completed: "x",
  cancelled: "x"
};
var STATUS_WORD = {
  pending: "pending",
  in_progress: "in progress",
  blocked: "blocked",
  completed: "completed",
  cancelled: "cancelled"
};
var WORD_STATUS = new Map(Object.entries(STATUS_WORD).map(([status, word]) => [word, status]));
function markerFor(status, profile) {
  return (profile === "gfm" ? GFM_MARKER : CANONICAL_MARKER)[status];
}
function refine(marked, token) {
  if (marked === "pending" && (token === "in_progress" || token === "blocked")) return token;
  if (marked === "completed" && token === "cancelled") return token;
  return marked;
}
var ID_COMMENT = /[ \t]+<!--[ \t]*(t-[0-9a-hjkmnp-tv-z]{4,12})[ \t]*-->$/;
var STOP_COMMENT = /[ \t]+<!--[ \t]*-->$/;
var TOKEN = /[ \t]+\[(type|agent|reason|status)::((?:\\[^\n]|[^\\\]\n])*)\]$/;
var ESCAPED = /\\([!-/:-@[-`{-~])/g;
var STOP = "<!-- -->";
function decodeValue(raw) {
  return raw.trim().replace(ESCAPED, "$1");
}
function readTail(text, from, to) {
  const tail = { titleEnd: to, id: null, meta: {}, status: void 0, stop: false, elements: 0 };
  const seen = /* @__PURE__ */ new Set();
  for (; ; ) {
    const rest = text.slice(from, tail.titleEnd);
    const id = ID_COMMENT.exec(rest);
    if (id) {
      if (tail.id !== null) return tail;
      tail.id = id[1];
      tail.titleEnd = from + id.index;
      tail.elements++;
      continue;
    }
    const stop = STOP_COMMENT.exec(rest);
    if (stop) {
      tail.stop = true;
      tail.titleEnd = from + stop.index;
      tail.elements++;
      return tail;
    }
    const token = TOKEN.exec(rest);
    if (!token) return tail;
    const key = token[1];
    const value = decodeValue(token[2]);
    if (seen.has(key) || value === "") return tail;
    if (key === "type") {
      if (!isTaskType(value)) return tail;
      tail.meta.type = value;
    } else if (key === "status") {
      const status = WORD_STATUS.get(value);
      if (status === void 0) return tail;
      tail.status = status;
    } else {
      tail.meta[key] = value;
    }
    seen.add(key);
    tail.titleEnd = from + token.index;
    tail.elements++;
  }
}
function needsStop(title) {
  return readTail(title, 0, title.length).elements > 0;
}
var TASK_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([^\]\n])\][ \t]+(?=[^ \t\r\n])/;
function readTaskLine(source, bullet) {
  let lineEnd = source.indexOf("\n", bullet);
  if (lineEnd === -1) lineEnd = source.length;
  const text = source.slice(bullet, lineEnd);
  const start = TASK_START.exec(text);
  if (!start) return null;
  const markerChar = start[1];
  const marked = MARKER_STATUS[markerChar];
  if (marked === void 0) return null;
  let to = text.length;
  while (to > 0 && /[ \t\r]/.test(text[to - 1])) to--;
  const from = start[0].length;
  const tail = readTail(text, from, to);
  return {
    marker: bullet + start[0].indexOf("["),
    markerChar,
    status: refine(marked, tail.status),
    titleStart: bullet + from,
    titleEnd: bullet + tail.titleEnd,
    tailEnd: bullet + to,
    title: text.slice(from, tail.titleEnd),
    id: tail.id,
    meta: tail.meta,
    statusToken: tail.status !== void 0,
    stop: tail.stop
  };
}
function encodeValue(value) {
  return value.replace(/\s+/g, " ").trim().replace(/[\\\[\]<`]/g, "\\$&");
}
function normalizeValue(value) {
  return value.replace(/\s+/g, " ").trim();
}
function formatTail(title, status, meta, id, profile) {
  let tail = needsStop(title) ? ` ${STOP}` : "";
  if (profile === "gfm" && status !== "pending" && status !== "completed") tail += ` [status:: ${STATUS_WORD[status]}]`;
  if (meta.type !== void 0) tail += ` [type:: ${meta.type}]`;
  for (const key of ["agent", "reason"]) {
    const value = meta[key] === void 0 ? "" : encodeValue(meta[key]);
    if (value !== "") tail += ` [${key}:: ${value}]`;
  }
  return `${tail} <!-- ${id} -->`;
}
function formatTaskText(task, profile) {
  assertTitle(task.title);
  return `[${markerFor(task.status, profile)}] ${task.title}${formatTail(task.title, task.status, task.meta, task.id, profile)}`;
}
function writtenMeta(meta) {
  const written = {};
  if (meta.type !== void 0) written.type = meta.type;
  for (const key of ["agent", "reason"]) {
    const value = meta[key] === void 0 ? "" : normalizeValue(meta[key]);
    if (value !== "") written[key] = value;
  }
  return written;
}
function assertTitle(title) {
  if (title === "" || /^\s|\s$|[\r\n\0]/.test(title)) {
    throw new Error(
      `A task title must be one line of markdown without leading or trailing blanks; got ${JSON.stringify(title.slice(0, 80))}. Nothing was written. Pass text from elsewhere through plainTitle() first.`
    );
  }
}

// src/markdown/splice.ts
var BULLET = /^(?:[-*+]|(\d{1,9})([.)]))/;
function fail(message) {
  throw new Error(`${message} Nothing was written.`);
}
function find(state, id) {
  const index = state.parsed.tasks.findIndex((task) => task.id === id);
  if (index === -1) fail(`TASKS.md has no task with id ${id}.`);
  return index;
}
function parentIndex(state, id) {
  return id === null ? null : find(state, id);
}
function assertNewId(state, id) {
  if (!isTaskId(id)) fail(`${JSON.stringify(id)} is not a task id (t- and 4 to 12 of 0-9, a-z without i, l, o, u).`);
  if (state.parsed.tasks.some((task) => task.id === id)) fail(`TASKS.md already has a task with id ${id}.`);
}
function lastDescendant(tasks, index) {
  const end = tasks[index].end;
  let last = index;
  while (last + 1 < tasks.length && tasks[last + 1].start < end) last++;
  return last;
}
function reread(text, textStart, task) {
  const read = readTaskLine(text, task.bullet - textStart);
  if (!read) throw new Error(`tasktrail bug: the line written for task ${task.id ?? task.line} is not a task line.`);
  const { title, id, meta, status } = read;
  const [marker, titleStart, titleEnd, tailEnd] = [read.marker, read.titleStart, read.titleEnd, read.tailEnd].map((offset) => offset + textStart);
  return { ...task, marker, titleStart, titleEnd, tailEnd, title, id, meta, status };
}
function sameMeta(a, b) {
  return a.type === b.type && a.agent === b.agent && a.reason === b.reason;
}
function replaceInLine(state, index, from, to, text) {
  const { source, parsed } = state;
  const result = source.slice(0, from) + text + source.slice(to);
  const delta = text.length - (to - from);
  const tasks = parsed.tasks.slice();
  const edited = parsed.tasks[index];
  const lineEnd = source.indexOf("\n", to);
  const line = source.slice(edited.start, from) + text + source.slice(to, lineEnd === -1 ? source.length : lineEnd);
  tasks[index] = reread(line, edited.start, { ...edited, end: edited.end + delta });
  if (delta !== 0) {
    for (let k = index + 1; k < tasks.length; k++) tasks[k] = shiftedTask(tasks[k], delta, 0);
    for (let k = edited.parent; k !== null; k = tasks[k].parent) {
      const above = tasks[k];
      tasks[k] = { ...above, end: above.end + delta };
    }
  }
  const blocks = parsed.blocks.map((block) => {
    if (block.end < from || block.end === from && from < source.length) return block;
    if (block.start > from) return delta === 0 ? block : { ...block, start: block.start + delta, end: block.end + delta };
    return { ...block, end: block.end + delta, hash: hashText(source.slice(block.start, from) + text + source.slice(to, block.end)) };
  });
  return { ...state, source: result, parsed: { ...parsed, tasks, blocks, length: result.length } };
}
function rewriteTask(state, index, change) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const status = change.status ?? task.status;
  const title = change.title ?? task.title;
  const meta = change.meta ?? task.meta;
  if (status === task.status && title === task.title && sameMeta(meta, task.meta)) return state;
  const read = readTaskLine(source, task.bullet);
  if (!read) throw new Error(`tasktrail bug: task ${task.id} does not start a task line.`);
  const gap = source.slice(task.marker + 3, task.titleStart);
  const statusChanged = status !== task.status;
  const tailChanges = !sameMeta(meta, task.meta) || title !== task.title && needsStop(title) && !read.stop || statusChanged && (parsed.profile === "gfm" || read.statusToken);
  if (tailChanges) {
    const line = `[${markerFor(status, parsed.profile)}]${gap}${title}${formatTail(title, status, meta, task.id, parsed.profile)}`;
    return replaceInLine(state, index, task.marker, task.tailEnd, line);
  }
  const marker = statusChanged ? markerFor(status, parsed.profile) : read.markerChar;
  return replaceInLine(state, index, task.marker, task.titleEnd, `[${marker}]${gap}${title}`);
}
function withOrders(tasks) {
  const children = [];
  let topLevel = 0;
  for (const task of tasks) {
    task.order = task.parent === null ? topLevel++ : (children[task.parent] = (children[task.parent] ?? 0) + 1) - 1;
  }
  return tasks;
}
function rebuildBlocks(parsed, source, editStart, oldEditEnd, newEditEnd) {
  const delta = newEditEnd - oldEditEnd;
  const byStart = new Map(parsed.blocks.map((block) => [block.start, block]));
  return splitBlocks(source, parsed.bom ? 1 : 0).map((span) => {
    let old;
    if (span.end <= editStart) old = byStart.get(span.start);
    else if (span.start >= newEditEnd) old = byStart.get(span.start - delta);
    const same = old !== void 0 && old.end - old.start === span.end - span.start && (span.end <= editStart || old.start >= oldEditEnd);
    return { ...span, hash: same ? old.hash : hashText(source.slice(span.start, span.end)) };
  });
}
function lineAt(parsed, source, offset) {
  const block = parsed.blocks.find((candidate) => offset >= candidate.start && offset <= candidate.end);
  return block ? block.line + countNewlines(source.slice(block.start, offset)) : 1;
}
function extract(source, tasks, index, last) {
  const root = tasks[index];
  const prefix = source.slice(root.start, root.bullet);
  const lines = source.slice(root.start, root.end).split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines[lines.length - 1] === "") lines.pop();
  const lineStarts = [];
  for (let at = root.start, k = 0; k < lines.length; k++) {
    lineStarts.push(at);
    at = source.indexOf("\n", at) + 1;
  }
  const prefixColumns = columnsOf(prefix);
  const rest = lines.slice(1).map((line) => {
    if (line.startsWith(prefix)) {
      const after = line.slice(prefix.length);
      return prefixColumns % 4 === 0 ? after : expandIndent(after, prefixColumns);
    }
    if (BLANK_LINE.test(line) || /[^ \t]/.test(prefix)) return BLANK_LINE.test(line) ? "" : line;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    return " ".repeat(Math.max(0, columnsOf(indent) - prefixColumns)) + line.slice(indent.length);
  });
  const taskLines = (task) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= task.start) line++;
    let endLine = line + 1;
    while (endLine < lineStarts.length && lineStarts[endLine] < task.end) endLine++;
    return { line, endLine };
  };
  const fragmentTasks = [];
  for (let k = index; k <= last; k++) {
    const task = tasks[k];
    const { line, endLine } = taskLines(task);
    fragmentTasks.push({
      line,
      endLine,
      fromEnd: lines[line].length - (task.bullet - task.start),
      parent: task.parent === null || k === index ? null : task.parent - index,
      depth: task.depth - root.depth
    });
  }
  return { first: lines[0].slice(root.marker - root.start), contentWidth: root.marker - root.bullet, rest, tasks: fragmentTasks };
}
function nextInList(state, index) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const next = lastDescendant(parsed.tasks, index) + 1;
  const sibling = parsed.tasks[next];
  if (sibling === void 0 || sibling.parent !== task.parent) return null;
  return sibling.start === task.end || blankBetween(source, task.end, sibling.start) ? next : null;
}
function keepListStart(state, index) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const next = nextInList(state, index);
  if (next === null) return state;
  const previous = parsed.tasks.findIndex((candidate, k) => k < index && candidate.parent === task.parent && nextInList(state, k) === index);
  const number = bulletOf(source, task)[1];
  const sibling = parsed.tasks[next];
  const nextNumber = bulletOf(source, sibling)[1];
  if (previous !== -1 || number === void 0 || nextNumber === void 0 || nextNumber === number) return state;
  return replaceInLine(state, next, sibling.bullet, sibling.bullet + nextNumber.length, number);
}
function remove(before, index) {
  const state = keepListStart(before, index);
  const { source, parsed } = state;
  const from = parsed.bom ? 1 : 0;
  const task = parsed.tasks[index];
  const last = lastDescendant(parsed.tasks, index);
  const fragment = extract(source, parsed.tasks, index, last);
  let start = task.start;
  let end = task.end;
  if (end === source.length && !source.endsWith("\n")) {
    start = endOfContentBefore(source, start, from);
    if (start > from) start -= source[start - 2] === "\r" ? 2 : 1;
  } else if (start === from || BLANK_LINE.test(source.slice(source.lastIndexOf("\n", start - 2) + 1, start - 1))) {
    end = skipBlankLines(source, end);
  }
  const result = source.slice(0, start) + source.slice(end);
  const delta = end - start;
  const lines = countNewlines(source.slice(start, end));
  const removed = last - index + 1;
  const tasks = [];
  for (const [k, old] of parsed.tasks.entries()) {
    if (k >= index && k <= last) continue;
    const moved = old.start >= end;
    const shift = moved ? delta : 0;
    tasks.push({
      ...old,
      parent: old.parent === null || old.parent < index ? old.parent : old.parent - removed,
      line: moved ? old.line - lines : old.line,
      start: old.start - shift,
      bullet: old.bullet - shift,
      marker: old.marker - shift,
      titleStart: old.titleStart - shift,
      titleEnd: old.titleEnd - shift,
      tailEnd: old.tailEnd - shift,
      end: old.end > end ? old.end - delta : old.end > start ? endOfContentBefore(result, start, from) : old.end
    });
  }
  const next = {
    ...parsed,
    tasks: withOrders(tasks),
    length: result.length,
    eol: eolOf(result),
    finalNewline: result.endsWith("\n"),
    blocks: rebuildBlocks(parsed, result, start, end, start)
  };
  return { state: { ...state, source: result, parsed: next }, fragment };
}
function bulletOf(source, task) {
  return BULLET.exec(source.slice(task.bullet, task.bullet + 11));
}
function bulletAfter(source, last, before) {
  const bullet = bulletOf(source, last);
  if (bullet[1] === void 0) return bullet[0];
  const number = Number(bullet[1]);
  const repeats = before !== void 0 && bulletOf(source, before)[1] === bullet[1];
  return `${repeats ? number : number + 1}${bullet[2]}`;
}
function blankBetween(source, start, end) {
  return start < end && /^(?:[ \t>]*\r?\n)+$/.test(source.slice(start, end));
}
function childIndent(state, parent) {
  const { source, parsed } = state;
  const width = parent.marker - parent.bullet;
  const counts = /* @__PURE__ */ new Map();
  for (const task of parsed.tasks) {
    if (task.parent === null) continue;
    const above = parsed.tasks[task.parent];
    const own = source.slice(task.start, task.bullet);
    const theirs = source.slice(above.start, above.bullet);
    if (!own.startsWith(theirs)) continue;
    const step = own.slice(theirs.length);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best;
  for (const [step, count] of counts) if (best === void 0 || count > counts.get(best)) best = step;
  const fits = (step) => step === "	" ? width <= 4 : /^ +$/.test(step) && step.length >= width && step.length < width + 4;
  return best !== void 0 && fits(best) ? best : " ".repeat(width);
}
function placement(state, parent, index) {
  const { source, parsed } = state;
  const { tasks } = parsed;
  const { eol } = state;
  const siblings = tasks.flatMap((task, k) => task.parent === parent ? [k] : []);
  const atEnd = (place) => place.at === source.length && !source.endsWith("\n") && place.at > (parsed.bom ? 1 : 0) ? { ...place, lead: eol + place.lead, trail: "" } : place;
  const position = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
  if (position < siblings.length) {
    const next = tasks[siblings[position]];
    const before = position > 0 ? tasks[siblings[position - 1]] : void 0;
    const after = position + 1 < siblings.length ? tasks[siblings[position + 1]] : void 0;
    const loose = before !== void 0 && blankBetween(source, before.end, next.start) || after !== void 0 && blankBetween(source, next.end, after.start);
    return { at: next.start, prefix: source.slice(next.start, next.bullet), bullet: bulletOf(source, next)[0], lead: "", trail: loose ? eol + eol : eol };
  }
  if (siblings.length > 0) {
    const last = tasks[siblings[siblings.length - 1]];
    const before = siblings.length > 1 ? tasks[siblings[siblings.length - 2]] : void 0;
    const loose = before !== void 0 && blankBetween(source, before.end, last.start);
    return atEnd({ at: last.end, prefix: source.slice(last.start, last.bullet), bullet: bulletAfter(source, last, before), lead: loose ? eol : "", trail: eol });
  }
  if (parent !== null) {
    const above = tasks[parent];
    const bullet = bulletOf(source, above);
    return atEnd({
      at: above.end,
      prefix: source.slice(above.start, above.bullet) + childIndent(state, above),
      bullet: bullet[1] === void 0 ? bullet[0] : `1${bullet[2]}`,
      lead: "",
      trail: eol
    });
  }
  const from = parsed.bom ? 1 : 0;
  const lastLine = source.slice(source.lastIndexOf("\n", source.length - 2) + 1, source.length - 1);
  if (source.length === from) return { at: from, prefix: "", bullet: "-", lead: "", trail: state.finalNewline ? eol : "" };
  if (!source.endsWith("\n")) return { at: source.length, prefix: "", bullet: "-", lead: eol + eol, trail: "" };
  return { at: source.length, prefix: "", bullet: "-", lead: BLANK_LINE.test(lastLine) ? "" : eol, trail: eol };
}
function insert(state, parent, index, fragment) {
  const { source, parsed, eol } = state;
  const place = placement(state, parent, index);
  const gap = " ".repeat(Math.max(1, fragment.contentWidth - place.bullet.length));
  const pad = " ".repeat(Math.max(0, place.bullet.length + gap.length - fragment.contentWidth));
  const lines = [
    place.prefix + place.bullet + gap + fragment.first,
    ...fragment.rest.map((line) => {
      if (line === "") return place.prefix.trimEnd();
      const column = columnsOf(place.prefix + pad);
      return place.prefix + pad + (column % 4 === 0 ? line : expandIndent(line, 0));
    })
  ];
  const lineStarts = [];
  let text = place.lead;
  for (const [k, line] of lines.entries()) {
    lineStarts.push(place.at + text.length);
    text += line + (k < lines.length - 1 ? eol : "");
  }
  text += place.trail;
  const lineEnd = (k) => Math.min(place.at + text.length, lineStarts[k] + lines[k].length + eol.length);
  const at = place.at;
  const result = source.slice(0, at) + text + source.slice(at);
  const delta = text.length;
  const addedLines = countNewlines(text);
  const count = fragment.tasks.length;
  const ancestors = /* @__PURE__ */ new Set();
  for (let k = parent; k !== null; k = parsed.tasks[k].parent) ancestors.add(k);
  const fragmentEnd = lineEnd(lines.length - 1);
  let position = parsed.tasks.findIndex((task) => task.start >= at);
  if (position === -1) position = parsed.tasks.length;
  const tasks = parsed.tasks.map((old, k) => {
    const moved = old.start >= at;
    const shift = moved ? delta : 0;
    let end = old.end > at ? old.end + delta : old.end;
    if (ancestors.has(k)) end = Math.max(end, fragmentEnd);
    else if (old.end === at && place.trail === "") end += eol.length;
    return {
      ...old,
      parent: old.parent === null || old.parent < position ? old.parent : old.parent + count,
      line: moved ? old.line + addedLines : old.line,
      start: old.start + shift,
      bullet: old.bullet + shift,
      marker: old.marker + shift,
      titleStart: old.titleStart + shift,
      titleEnd: old.titleEnd + shift,
      tailEnd: old.tailEnd + shift,
      end
    };
  });
  const firstLine = lineAt(parsed, source, at) + countNewlines(place.lead);
  const depth = parent === null ? 0 : parsed.tasks[parent].depth + 1;
  const inserted = fragment.tasks.map((piece) => {
    const start = lineStarts[piece.line];
    const bullet = piece.line === 0 ? start + place.prefix.length : start + lines[piece.line].length - piece.fromEnd;
    const blank = {
      id: null,
      title: "",
      status: "pending",
      meta: {},
      parent: piece.parent === null ? parent : position + piece.parent,
      order: 0,
      depth: depth + piece.depth,
      line: firstLine + piece.line,
      start,
      bullet,
      marker: bullet,
      titleStart: bullet,
      titleEnd: bullet,
      tailEnd: bullet,
      end: lineEnd(piece.endLine - 1)
    };
    return reread(result, 0, blank);
  });
  tasks.splice(position, 0, ...inserted);
  const next = {
    ...parsed,
    tasks: withOrders(tasks),
    length: result.length,
    eol: eolOf(result),
    finalNewline: result.endsWith("\n"),
    blocks: rebuildBlocks(parsed, result, at, at, at + delta)
  };
  return { ...state, source: result, parsed: next };
}
function newFragment(state, task) {
  assertNewId(state, task.id);
  return {
    first: formatTaskText(task, state.parsed.profile),
    contentWidth: 0,
    rest: [],
    tasks: [{ line: 0, fromEnd: 0, endLine: 1, parent: null, depth: 0 }]
  };
}
function move(state, id, parentId, index) {
  const task = find(state, id);
  const last = lastDescendant(state.parsed.tasks, task);
  const target = parentIndex(state, parentId);
  if (target !== null && target >= task && target <= last) fail(`Task ${id} cannot move under itself or one of its subtasks.`);
  const { state: without, fragment } = remove(state, task);
  return insert(without, parentIndex(without, parentId), index, fragment);
}
function assignId(state, index, id) {
  const task = state.parsed.tasks[index];
  if (task === void 0) fail(`TASKS.md has no task number ${index}.`);
  if (task.id !== null) fail(`The task on line ${task.line} already has the id ${task.id}.`);
  assertNewId(state, id);
  return replaceInLine(state, index, task.tailEnd, task.tailEnd, ` <!-- ${id} -->`);
}
function applyEdit(state, edit) {
  switch (edit.kind) {
    case "status":
      return rewriteTask(state, find(state, edit.id), { status: edit.status });
    case "title":
      assertTitle(edit.title);
      return rewriteTask(state, find(state, edit.id), { title: edit.title });
    case "meta":
      return rewriteTask(state, find(state, edit.id), { meta: writtenMeta(edit.meta) });
    case "assignId":
      return assignId(state, edit.task, edit.id);
    case "insert":
      return insert(state, parentIndex(state, edit.parentId), edit.index, newFragment(state, edit.task));
    case "remove":
      return remove(state, find(state, edit.id)).state;
    case "move":
      return move(state, edit.id, edit.parentId, edit.index);
  }
}
function applyEdits(source, parsed, edits) {
  if (source.length !== parsed.length) {
    fail("The ParsedFile given to applyEdits describes another version of TASKS.md. Parse the current file and apply the edits to that.");
  }
  const finalNewline = parsed.finalNewline || source.length === (parsed.bom ? 1 : 0);
  const result = edits.reduce(applyEdit, { source, parsed, eol: parsed.eol, finalNewline });
  return { source: result.source, parsed: result.parsed };
}

// src/markdown/refusal.ts
var CONFLICT_MARKER = /^(?:<{7}|>{7})(?:[ \t]|\r?$)/;
function hasConflictMarkers(source) {
  if (!source.includes("<<<<<<<") && !source.includes(">>>>>>>")) return null;
  let line = 1;
  for (let at = 0; ; line++) {
    const next = source.indexOf("\n", at);
    if (CONFLICT_MARKER.test(source.slice(at, next === -1 ? source.length : next))) return line;
    if (next === -1) return null;
    at = next + 1;
  }
}

// src/sync/merge.ts
var LINE_FIELDS = ["title", "status", "type", "agent", "reason", "parent"];
var RULES = {
  status: "both changed the status: the further one wins (completed > cancelled > blocked > in progress > pending)",
  text: "both changed it: the file wins (text a person typed)",
  removed: "line removed from TASKS.md while the store changed the task: the removal wins, the store keeps the task",
  deletedInStore: "deleted in the store while TASKS.md changed it: the file keeps it"
};
var STATUS_RANK = { pending: 0, in_progress: 1, blocked: 2, cancelled: 3, completed: 4 };
function furtherStatus(a, b) {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}
function settle(field, file, store) {
  if (field === "status") return { value: furtherStatus(file.status, store.status), rule: RULES.status };
  return { value: file[field], rule: RULES.text };
}
function metaOf(line) {
  const meta = {};
  if (line.type) meta.type = line.type;
  if (line.agent) meta.agent = line.agent;
  if (line.reason && line.status === "blocked") meta.reason = line.reason;
  return meta;
}
var META_FIELDS = ["type", "agent", "reason"];
function planSync(input) {
  const toStore = [];
  const toFile = [];
  const conflicts = [];
  const ids = [];
  const seen = /* @__PURE__ */ new Set();
  input.file.forEach((task, index) => {
    let id = task.id;
    if (id === null || seen.has(id)) {
      id = input.newId();
      toFile.push({ kind: "assignId", task: index, id });
    }
    seen.add(id);
    ids.push(id);
  });
  const fileLines = input.file.map((task, index) => ({
    id: ids[index],
    title: task.title,
    status: task.status,
    type: task.type,
    agent: task.agent,
    reason: task.status === "blocked" ? task.reason : null,
    parent: task.parent === null ? null : ids[task.parent]
  }));
  const inFile = new Map(fileLines.map((line) => [line.id, line]));
  const fileChanges = /* @__PURE__ */ new Map();
  const fileEditsFor = (id, changes, after) => {
    if (changes.status !== void 0) toFile.push({ kind: "status", id, status: changes.status });
    if (changes.title !== void 0) toFile.push({ kind: "title", id, title: changes.title });
    if (META_FIELDS.some((f) => f in changes) || changes.status !== void 0 && (after.reason || changes.status === "blocked")) {
      toFile.push({ kind: "meta", id, meta: metaOf(after) });
    }
    if ("parent" in changes) toFile.push({ kind: "move", id, parentId: changes.parent ?? null });
  };
  for (const line of fileLines) {
    const base = input.base.get(line.id);
    const change = input.storeChanges.get(line.id);
    if (!change && base !== void 0 && LINE_FIELDS.every((f) => base[f] === line[f])) continue;
    const store = input.storeTask(line.id);
    if (!store) {
      const unchangedInFile = base !== void 0 && LINE_FIELDS.every((f) => base[f] === line[f]);
      if (change?.deleted && unchangedInFile) {
        toFile.push({ kind: "remove", id: line.id });
        continue;
      }
      if (change?.deleted) conflicts.push({ taskId: line.id, field: "deleted", rule: RULES.deletedInStore, kept: line.title, lost: null });
      toStore.push({ kind: "create", line, position: 0 });
      continue;
    }
    const toStoreChanges = {};
    const toFileChanges = {};
    for (const field of LINE_FIELDS) {
      if (line[field] === store[field]) continue;
      const fileChanged = base === void 0 || line[field] !== base[field];
      const storeChanged = base === void 0 || change?.fields.has(field) === true && store[field] !== base[field];
      if (fileChanged && !storeChanged) toStoreChanges[field] = line[field];
      else if (storeChanged && !fileChanged) toFileChanges[field] = store[field];
      else if (fileChanged && storeChanged) {
        const { value, rule } = settle(field, line, store);
        const lost = value === line[field] ? store[field] : line[field];
        conflicts.push({ taskId: line.id, field, rule, kept: value, lost });
        if (value !== store[field]) toStoreChanges[field] = value;
        if (value !== line[field]) toFileChanges[field] = value;
      }
    }
    if (Object.keys(toStoreChanges).length) toStore.push({ kind: "update", id: line.id, changes: toStoreChanges });
    if (Object.keys(toFileChanges).length) {
      fileChanges.set(line.id, toFileChanges);
      fileEditsFor(line.id, toFileChanges, { ...line, ...toFileChanges });
    }
  }
  for (const [id, base] of input.base) {
    if (inFile.has(id)) continue;
    const store = input.storeTask(id);
    if (!store) continue;
    const change = input.storeChanges.get(id);
    if (change && LINE_FIELDS.some((f) => change.fields.has(f) && store[f] !== base[f])) {
      conflicts.push({ taskId: id, field: "removed", rule: RULES.removed, kept: null, lost: store.title });
    }
    toStore.push({ kind: "lineRemoved", id });
  }
  const inserts = [];
  for (const [id, change] of input.storeChanges) {
    if (inFile.has(id) || input.base.has(id)) continue;
    const store = input.storeTask(id);
    if (!store || !input.belongsHere(id)) continue;
    const reopened = change.fields.has("status") && !isTerminal(store.status);
    if (change.created || reopened) inserts.push(store);
  }
  const placed = new Set(inFile.keys());
  const insertsById = new Map(inserts.map((line) => [line.id, line]));
  const place = (line) => {
    if (placed.has(line.id)) return;
    placed.add(line.id);
    const parent = line.parent === null ? void 0 : insertsById.get(line.parent);
    if (parent) place(parent);
    const parentId = line.parent !== null && placed.has(line.parent) ? line.parent : null;
    toFile.push({ kind: "insert", task: { id: line.id, title: line.title, status: line.status, meta: metaOf(line) }, parentId });
  };
  inserts.forEach(place);
  const groups = /* @__PURE__ */ new Map();
  for (const line of fileLines) {
    const parent = fileChanges.get(line.id)?.parent !== void 0 ? fileChanges.get(line.id).parent : line.parent;
    appendTo(groups, parent, line.id);
  }
  const baseGroups = /* @__PURE__ */ new Map();
  for (const line of input.base.values()) appendTo(baseGroups, line.parent, line.id);
  for (const [parent, members] of groups) {
    const before = baseGroups.get(parent);
    if (before && before.length === members.length && before.every((id, i) => members[i] === id)) continue;
    toStore.push({ kind: "order", parent, ids: members });
  }
  for (const op of toStore) {
    if (op.kind === "create") op.position = groups.get(op.line.parent)?.indexOf(op.line.id) ?? 0;
  }
  return { toStore, toFile, conflicts, fileIds: [...placed] };
}
function appendTo(groups, parent, id) {
  const members = groups.get(parent);
  if (members) members.push(id);
  else groups.set(parent, [id]);
}

// src/sync/git-merge.ts
function mergeTaskFiles({ parse }, ancestor, ours, theirs) {
  for (const [side, text] of [["ancestor", ancestor], ["ours", ours], ["theirs", theirs]]) {
    if (hasConflictMarkers(text) !== null) return { merged: null, conflicts: [], refused: `${side} has conflict markers` };
  }
  const [base, mine] = [parse(ancestor), parse(ours)];
  const other = withNewLineIds(theirs, parse(theirs), [base, mine]);
  const baseLines = linesOf(base);
  const theirLines = linesOf(other);
  const changes = /* @__PURE__ */ new Map();
  for (const [id, line] of theirLines) {
    const was = baseLines.get(id);
    changes.set(id, { fields: new Set(LINE_FIELDS.filter((f) => !was || was[f] !== line[f])), created: !was, deleted: false });
  }
  for (const id of baseLines.keys()) if (!theirLines.has(id)) changes.set(id, { fields: /* @__PURE__ */ new Set(), created: false, deleted: true });
  const plan = planSync({
    base: baseLines,
    file: fileTasks(mine),
    storeChanges: changes,
    storeTask: (id) => theirLines.get(id),
    belongsHere: () => true,
    // Lines without ids stay without: giving ids is sync's job, not the merge's.
    newId: () => ""
  });
  const edits = plan.toFile.filter((e) => e.kind !== "assignId");
  const merged = edits.length ? applyEdits(ours, mine, edits).source : ours;
  return { merged, conflicts: plan.conflicts };
}
function withNewLineIds(theirs, parsed, others) {
  const known = new Set(others.flatMap((file) => file.tasks.filter((t) => t.id === null).map((t) => t.title)));
  const edits = parsed.tasks.flatMap((task, index) => task.id === null && !known.has(task.title) ? [{ kind: "assignId", task: index, id: newTaskId() }] : []);
  return edits.length ? applyEdits(theirs, parsed, edits).parsed : parsed;
}
function runMergeDriver(parser, ancestorPath, oursPath, theirsPath) {
  const result = mergeTaskFiles(parser, (0, import_node_fs2.readFileSync)(ancestorPath, "utf8"), (0, import_node_fs2.readFileSync)(oursPath, "utf8"), (0, import_node_fs2.readFileSync)(theirsPath, "utf8"));
  if (result.merged !== null) (0, import_node_fs2.writeFileSync)(oursPath, result.merged);
  return result;
}
function installMergeDriver(root, command = "tasktrail") {
  const config = (key, value) => {
    const run = (0, import_node_child_process.spawnSync)("git", ["config", key, value], { cwd: root, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`git config ${key} failed: ${run.stderr.trim()}`);
  };
  config("merge.tasktrail.name", "tasktrail: merge TASKS.md by task id");
  config("merge.tasktrail.driver", `${command} merge-driver %O %A %B %P`);
  const attributes = (0, import_node_path.join)(root, ".gitattributes");
  const current = readText(attributes) ?? "";
  if (!/^TASKS\.md\s+.*merge=tasktrail/m.test(current)) {
    (0, import_node_fs2.appendFileSync)(attributes, `${current === "" || current.endsWith("\n") ? "" : "\n"}TASKS.md merge=tasktrail
`);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  installMergeDriver,
  mergeTaskFiles,
  runMergeDriver
});
