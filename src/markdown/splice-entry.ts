// The light half of the markdown engine: writing, rendering and checking TASKS.md without
// loading remark (which costs a hook 2.4× a bare node start). Import this, not index.ts, on
// hot paths.
export { applyEdits } from './splice.js'
export { render, DEFAULT_HEADER, GFM_PROFILE_LINE } from './render.js'
export { plainTitle, PLAIN_TITLE_MAX } from './plain-title.js'
export { hasConflictMarkers, MarkdownRefusal } from './refusal.js'
export type { Block, Edit, NewTask, ParsedFile, ParsedTask, Profile, RenderTask, TaskMeta } from './types.js'
