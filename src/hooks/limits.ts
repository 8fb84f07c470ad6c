// What the hooks keep of Claude Code's text, and how much: the store is a record of the
// work, not a transcript. These limits are documented in docs/HOOKS.md.

/** The user's request, kept in hook state and in the request task's task_context.user_request. */
export const REQUEST_LIMIT = 2_000
/** A task title made from a request or an agent's description. */
export const TITLE_LIMIT = 80
/** An agent's final text, kept as its run task's outcome. */
export const OUTCOME_LIMIT = 1_000
/** One failure, as one entry of blockers_encountered or a blocked reason. */
export const BLOCKER_LIMIT = 300
/** The open checklist given to Claude at SessionStart: about 500 tokens. */
export const SESSION_CONTEXT_LIMIT = 2_000
