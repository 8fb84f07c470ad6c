// What a hook may print: one JSON object for the event, or nothing.
export interface HookOutput {
  hookSpecificOutput?: { hookEventName: 'SessionStart'; additionalContext: string }
  systemMessage?: string
}
