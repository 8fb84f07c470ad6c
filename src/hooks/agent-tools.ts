// The tools the plugin's MCP server gives the agent (src/mcp/tools.ts), as the model sees
// them: mcp__plugin_<plugin>_<server>__<tool>. Named here so the SessionStart note can point
// at them; a session has them only where the plugin (its .mcp.json) runs the hooks.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const TASKTRAIL_TOOLS = ['checklist', 'add_subtask', 'start', 'note', 'block', 'complete', 'cancel'] as const
export type TasktrailTool = (typeof TASKTRAIL_TOOLS)[number]

export const toolName = (tool: TasktrailTool): string => `mcp__plugin_tasktrail_tasktrail__${tool}`

/** Whether this hook runs from the plugin, whose MCP server gives the session the tools. */
export const pluginServesTools = (env: NodeJS.ProcessEnv): boolean => !!env.CLAUDE_PLUGIN_ROOT && existsSync(join(env.CLAUDE_PLUGIN_ROOT, '.mcp.json'))
