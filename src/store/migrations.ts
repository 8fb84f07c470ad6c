// Forward-only schema migrations, keyed by SQLite's user_version. Each entry moves the
// schema from version - 1 to version; a released entry is never edited, only followed.
export interface Migration {
  version: number
  name: string
  sql: string
}

const core: Migration = {
  version: 1,
  name: 'core tables',
  sql: `
CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  client_id INTEGER REFERENCES clients(id),
  created_at TEXT NOT NULL
);
-- A repository (keyed by its git common dir, so worktrees share it) or a plain directory.
CREATE TABLE repos (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  root TEXT NOT NULL,
  client_id INTEGER REFERENCES clients(id),
  project_id INTEGER REFERENCES projects(id),
  rollup INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  repo_id INTEGER REFERENCES repos(id),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  source TEXT,
  transcript_path TEXT
);
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repos(id),
  parent_task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending','in_progress','blocked','completed','cancelled')),
  task_type TEXT CHECK (task_type IN ('implementation','research','review','testing','deployment','documentation','bugfix','analysis')),
  assigned_agent TEXT,
  task_context TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(task_context)),
  session_id TEXT,
  client_id INTEGER REFERENCES clients(id),
  project_id INTEGER REFERENCES projects(id),
  estimated_complexity TEXT CHECK (estimated_complexity IN ('low','medium','high')),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX tasks_by_parent ON tasks(repo_id, parent_task_id, position);
CREATE INDEX tasks_by_status ON tasks(repo_id, status);
CREATE TABLE task_dependencies (
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  depends_on TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, depends_on)
) WITHOUT ROWID;
-- Every change to a task, in order. No foreign key: the log outlives a deleted task.
CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  task_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  source TEXT NOT NULL CHECK (source IN ('cli','hook','file','merge')),
  at TEXT NOT NULL,
  note TEXT
);
CREATE INDEX task_events_by_task ON task_events(task_id, id);
CREATE TRIGGER task_events_no_update BEFORE UPDATE ON task_events
  BEGIN SELECT RAISE(ABORT, 'task_events is append-only'); END;
CREATE TRIGGER task_events_no_delete BEFORE DELETE ON task_events
  BEGIN SELECT RAISE(ABORT, 'task_events is append-only'); END;
CREATE TABLE work_items (
  id INTEGER PRIMARY KEY,
  task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  client_id INTEGER REFERENCES clients(id),
  category TEXT,
  problem TEXT,
  solution TEXT,
  billable_minutes INTEGER NOT NULL,
  date TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`
}

// TASKS.md sync (src/sync/): the last synced state of each work tree and branch, and which
// base each task was first synced in (so a branch's checklist shows only its own tasks).
const syncBases: Migration = {
  version: 2,
  name: 'sync bases',
  sql: `
CREATE TABLE sync_bases (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  root TEXT NOT NULL,
  -- The checked-out branch ('refs/heads/main'), or 'HEAD' when detached.
  branch TEXT NOT NULL,
  -- The commit checked out at the last sync; null outside git or before the first commit.
  head TEXT,
  -- Hash of TASKS.md as last read or written (src/sync/content-hash.ts); null when there was no file.
  file_hash TEXT,
  -- The parsed TASKS.md (JSON) at the last sync.
  parsed TEXT NOT NULL,
  -- task_events.id up to which store changes are part of this base.
  event_mark INTEGER NOT NULL,
  synced_at TEXT NOT NULL,
  UNIQUE (root, branch)
);
CREATE TABLE sync_homes (
  task_id TEXT PRIMARY KEY,
  base_id INTEGER NOT NULL REFERENCES sync_bases(id) ON DELETE CASCADE
) WITHOUT ROWID;
`
}

// What the Claude Code hooks remember between their processes (one process per event).
// Every key starts with the session: Claude Code numbers its task list and reuses
// tool_use_ids per session, so the same id in two sessions means two different things.
const hookState: Migration = {
  version: 3,
  name: 'hook state',
  sql: `
-- The user's request of each prompt, at most 2,000 characters, and the task made for it
-- once the first work of the prompt arrived.
CREATE TABLE hook_prompts (
  session_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  request TEXT NOT NULL,
  task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, prompt_id)
) WITHOUT ROWID;
-- Tasks of Claude's own plan (TaskCreate, TodoWrite items), with TaskCreate's id in the
-- session's task list ("1", "2", …; null for TodoWrite items, which have none).
CREATE TABLE hook_plan_tasks (
  session_id TEXT NOT NULL,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  claude_id TEXT,
  PRIMARY KEY (session_id, task_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX hook_plan_tasks_by_claude_id ON hook_plan_tasks(session_id, claude_id) WHERE claude_id IS NOT NULL;
-- The session's last TodoWrite list: [{"content", "status", "task_id"}], to compare the next one with.
CREATE TABLE hook_todo_lists (
  session_id TEXT PRIMARY KEY,
  items TEXT NOT NULL CHECK (json_valid(items))
) WITHOUT ROWID;
-- One row per Agent tool call; agent_id is learnt from SubagentStart or the tool's response.
CREATE TABLE hook_agent_runs (
  session_id TEXT NOT NULL,
  tool_use_id TEXT NOT NULL,
  agent_type TEXT,
  agent_id TEXT,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, tool_use_id)
);
CREATE INDEX hook_agent_runs_by_agent ON hook_agent_runs(session_id, agent_id);
-- Tool events already applied, so a repeated delivery changes nothing.
CREATE TABLE hook_processed (
  session_id TEXT NOT NULL,
  tool_use_id TEXT NOT NULL,
  hook_event TEXT NOT NULL,
  PRIMARY KEY (session_id, tool_use_id, hook_event)
) WITHOUT ROWID;
`
}

// Billing (src/billing/, src/store/work-items.ts): each client's rounding rule, one work
// item per billed task, and the store-wide idle limit of the time computation. Nothing here
// is ever written to a repository.
const billing: Migration = {
  version: 4,
  name: 'billing rules',
  sql: `
ALTER TABLE clients ADD COLUMN increment_minutes INTEGER NOT NULL DEFAULT 1 CHECK (increment_minutes > 0);
ALTER TABLE clients ADD COLUMN minimum_minutes INTEGER NOT NULL DEFAULT 0 CHECK (minimum_minutes >= 0);
ALTER TABLE clients ADD COLUMN rounding TEXT NOT NULL DEFAULT 'up' CHECK (rounding IN ('up','nearest'));
CREATE UNIQUE INDEX work_items_one_per_task ON work_items(task_id);
CREATE INDEX work_items_by_date ON work_items(date, client_id);
CREATE TABLE billing_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`
}

// Each sync base's parsed TASKS.md in a table of its own. SQLite reads a row's columns in
// order, so with the parsed file (a megabyte for 10,000 tasks) before event_mark, every
// command's and hook's look at its base walked the whole blob.
const syncBaseFiles: Migration = {
  version: 5,
  name: 'sync base files',
  sql: `
CREATE TABLE sync_base_files (
  base_id INTEGER PRIMARY KEY REFERENCES sync_bases(id) ON DELETE CASCADE,
  -- The parsed TASKS.md (JSON) at the last sync.
  parsed TEXT NOT NULL
);
INSERT INTO sync_base_files (base_id, parsed) SELECT id, parsed FROM sync_bases;
ALTER TABLE sync_bases DROP COLUMN parsed;
`
}

// sync_base_files.parsed may now hold the packed form (each task an array; src/sync/bases.ts),
// which an older tasktrail cannot read: the version moves so that it refuses the store instead.
// Bases stored before are read as they are and packed at their next write.
const packedSyncBases: Migration = {
  version: 6,
  name: 'packed sync bases',
  sql: `UPDATE sync_base_files SET parsed = parsed WHERE 0;`
}

// What tasktrail's latest writes of TASKS.md changed, per base: a save made from a copy read
// before them is recognised and the changes made again (src/sync/stale-save.ts).
const recentWrites: Migration = {
  version: 7,
  name: 'recent writes of each sync base',
  sql: `ALTER TABLE sync_bases ADD COLUMN recent_writes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recent_writes));`
}

// Subtasks by parent alone: the roll-up after each status change, the Stop hook and
// children() ask without a repository, and walked all 10,000 tasks of a large store.
const subtaskIndex: Migration = {
  version: 8,
  name: 'subtasks by parent',
  sql: `CREATE INDEX tasks_by_parent_only ON tasks(parent_task_id, position);`
}

// Sync bases as SQLite's binary JSON: a status change reads and patches a few of its tasks
// with the JSON functions, which on text would parse the whole base each time (src/sync/bases.ts).
const jsonbSyncBases: Migration = {
  version: 9,
  name: 'sync bases as JSONB',
  sql: `UPDATE sync_base_files SET parsed = jsonb(parsed);`
}

// Plans the hooks read from Claude Code's plan mode and workflows (src/hooks/adapters/plan-mode.ts,
// workflow.ts): a plan's steps per request, to compare a revised plan with, and each workflow
// run with its phases and the directory where Claude Code writes its agents' labels.
const plansAndWorkflows: Migration = {
  version: 10,
  name: 'plan mode and workflows',
  sql: `
-- The request's last approved plan: [{"content", "status", "task_id"}] in the plan's order.
CREATE TABLE hook_plans (
  session_id TEXT NOT NULL,
  request_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  items TEXT NOT NULL CHECK (json_valid(items)),
  PRIMARY KEY (session_id, request_id)
) WITHOUT ROWID;
-- One row per Workflow tool call: its task, its phases {"title": task id}, and transcriptDir.
CREATE TABLE hook_workflows (
  session_id TEXT NOT NULL,
  tool_use_id TEXT NOT NULL,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  phases TEXT NOT NULL CHECK (json_valid(phases)),
  transcript_dir TEXT,
  PRIMARY KEY (session_id, tool_use_id)
) WITHOUT ROWID;
`
}

export const MIGRATIONS: readonly Migration[] = [core, syncBases, hookState, billing, syncBaseFiles, packedSyncBases, recentWrites, subtaskIndex, jsonbSyncBases, plansAndWorkflows]

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version))
