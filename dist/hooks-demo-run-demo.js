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

// src/hooks/demo/run-demo.ts
var run_demo_exports = {};
__export(run_demo_exports, {
  runDemo: () => runDemo
});
module.exports = __toCommonJS(run_demo_exports);
var import_node_child_process = require("node:child_process");
var import_node_fs = require("node:fs");
var import_node_os = require("node:os");
var import_node_path = require("node:path");

// src/hooks/shape.ts
function isFields(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/hooks/demo/nas-session.ts
var RECORDED_PROJECT = "/home/dev/nas-monitor";
var NAS_SESSION = [
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "hook_event_name": "SessionStart", "source": "startup" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "hook_event_name": "UserPromptSubmit", "prompt": "Set up monitoring for the Dataforth NAS, alert if sync fails" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Research current sync system", "description": "Find how the NAS sync runs today", "activeForm": "Researching sync system" }, "tool_use_id": "toolu_n1" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Research current sync system", "description": "Find how the NAS sync runs today", "activeForm": "Researching sync system" }, "tool_response": { "task": { "id": "1", "subject": "Research current sync system" } }, "tool_use_id": "toolu_n1", "duration_ms": 2 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Implement monitoring script", "description": "Check _SYNC_STATUS.txt age", "activeForm": "Implementing monitoring script", "metadata": { "client": "Dataforth" } }, "tool_use_id": "toolu_n2" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Implement monitoring script", "description": "Check _SYNC_STATUS.txt age", "activeForm": "Implementing monitoring script", "metadata": { "client": "Dataforth" } }, "tool_response": { "task": { "id": "2", "subject": "Implement monitoring script" } }, "tool_use_id": "toolu_n2", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Deploy to production", "description": "DattoRMM component", "activeForm": "Deploying" }, "tool_use_id": "toolu_n3" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Deploy to production", "description": "DattoRMM component", "activeForm": "Deploying" }, "tool_response": { "task": { "id": "3", "subject": "Deploy to production" } }, "tool_use_id": "toolu_n3", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Obsolete idea", "description": "created by mistake", "activeForm": "-" }, "tool_use_id": "toolu_n4" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskCreate", "tool_input": { "subject": "Obsolete idea", "description": "created by mistake", "activeForm": "-" }, "tool_response": { "task": { "id": "4", "subject": "Obsolete idea" } }, "tool_use_id": "toolu_n4", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "3", "addBlockedBy": ["2"] }, "tool_use_id": "toolu_n5" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "3", "addBlockedBy": ["2"] }, "tool_response": { "success": true, "taskId": "3", "updatedFields": ["blockedBy"] }, "tool_use_id": "toolu_n5", "duration_ms": 9 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "4", "status": "deleted" }, "tool_use_id": "toolu_n6" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "4", "status": "deleted" }, "tool_response": { "success": true, "taskId": "4", "updatedFields": ["deleted"], "statusChange": { "from": "pending", "to": "deleted" } }, "tool_use_id": "toolu_n6", "duration_ms": 2 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "1", "status": "in_progress", "owner": "explorer" }, "tool_use_id": "toolu_n7" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "1", "status": "in_progress", "owner": "explorer" }, "tool_response": { "success": true, "taskId": "1", "updatedFields": ["owner", "status"], "statusChange": { "from": "pending", "to": "in_progress" } }, "tool_use_id": "toolu_n7", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "Agent", "tool_input": { "description": "Research NAS sync", "prompt": "AGENT-RESEARCH: find the sync script", "subagent_type": "general-purpose" }, "tool_use_id": "toolu_n8" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "agent_id": "abe17294d7be06b20", "agent_type": "general-purpose", "hook_event_name": "SubagentStart" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "agent_id": "abe17294d7be06b20", "agent_type": "general-purpose", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": { "file_path": "/home/dev/nas-monitor/notes/sync.md", "content": "Sync-FromNAS.ps1 runs every 15 min on AD2\n" }, "tool_use_id": "toolu_r1" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "agent_id": "abe17294d7be06b20", "agent_type": "general-purpose", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "Write", "tool_input": { "file_path": "/home/dev/nas-monitor/notes/sync.md", "content": "Sync-FromNAS.ps1 runs every 15 min on AD2\n" }, "tool_response": { "type": "create", "filePath": "/home/dev/nas-monitor/notes/sync.md", "content": "Sync-FromNAS.ps1 runs every 15 min on AD2\n", "structuredPatch": [], "originalFile": null, "userModified": false }, "tool_use_id": "toolu_r1", "duration_ms": 4 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "agent_id": "abe17294d7be06b20", "agent_type": "general-purpose", "effort": { "level": "high" }, "hook_event_name": "SubagentStop", "stop_hook_active": false, "agent_transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056/subagents/agent-abe17294d7be06b20.jsonl", "last_assistant_message": "Found: PowerShell script on AD2, syncs every 15 min", "background_tasks": [], "session_crons": [] },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "Agent", "tool_input": { "description": "Research NAS sync", "prompt": "AGENT-RESEARCH: find the sync script", "subagent_type": "general-purpose" }, "tool_response": { "status": "completed", "prompt": "AGENT-RESEARCH: find the sync script", "agentId": "abe17294d7be06b20", "agentType": "general-purpose", "content": [{ "type": "text", "text": "Found: PowerShell script on AD2, syncs every 15 min" }], "resolvedModel": "claude-opus-4-8[1m]", "totalDurationMs": 85, "totalTokens": 15, "totalToolUseCount": 1, "usage": { "input_tokens": 10, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 5, "server_tool_use": { "web_search_requests": 0, "web_fetch_requests": 0 }, "service_tier": "standard", "cache_creation": { "ephemeral_1h_input_tokens": 0, "ephemeral_5m_input_tokens": 0 }, "inference_geo": "", "iterations": [], "speed": "standard" }, "toolStats": { "readCount": 0, "searchCount": 0, "bashCount": 0, "editFileCount": 1, "linesAdded": 2, "linesRemoved": 0, "otherToolCount": 0 } }, "tool_use_id": "toolu_n8", "duration_ms": 85 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "1", "status": "completed" }, "tool_use_id": "toolu_n9" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "1", "status": "completed" }, "tool_response": { "success": true, "taskId": "1", "updatedFields": ["status"], "statusChange": { "from": "in_progress", "to": "completed" } }, "tool_use_id": "toolu_n9", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "2", "status": "in_progress" }, "tool_use_id": "toolu_n10" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskUpdate", "tool_input": { "taskId": "2", "status": "in_progress" }, "tool_response": { "success": true, "taskId": "2", "updatedFields": ["status"], "statusChange": { "from": "pending", "to": "in_progress" } }, "tool_use_id": "toolu_n10", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": { "file_path": "/home/dev/nas-monitor/monitor-nas-sync.ps1", "content": "$age = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime\n" }, "tool_use_id": "toolu_n11" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "Write", "tool_input": { "file_path": "/home/dev/nas-monitor/monitor-nas-sync.ps1", "content": "$age = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime\n" }, "tool_response": { "type": "create", "filePath": "/home/dev/nas-monitor/monitor-nas-sync.ps1", "content": "$age = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime\n", "structuredPatch": [], "originalFile": null, "userModified": false }, "tool_use_id": "toolu_n11", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "Edit", "tool_input": { "file_path": "/home/dev/nas-monitor/monitor-nas-sync.ps1", "old_string": "$age", "new_string": "$syncAge", "replace_all": false }, "tool_use_id": "toolu_n12" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "Edit", "tool_input": { "file_path": "/home/dev/nas-monitor/monitor-nas-sync.ps1", "old_string": "$age", "new_string": "$syncAge", "replace_all": false }, "tool_response": { "filePath": "/home/dev/nas-monitor/monitor-nas-sync.ps1", "oldString": "$age", "newString": "$syncAge", "originalFile": "$age = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime\n", "structuredPatch": [{ "oldStart": 1, "oldLines": 1, "newStart": 1, "newLines": 1, "lines": ["-$age = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime", "+$syncAge = (Get-Date) - (Get-Item _SYNC_STATUS.txt).LastWriteTime"] }], "userModified": false, "replaceAll": false }, "tool_use_id": "toolu_n12", "duration_ms": 6 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": { "command": "exit 3", "description": "Run the monitor once" }, "tool_use_id": "toolu_n13" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUseFailure", "tool_name": "Bash", "tool_input": { "command": "exit 3", "description": "Run the monitor once" }, "tool_use_id": "toolu_n13", "error": "Exit code 3", "is_interrupt": false, "duration_ms": 236 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PreToolUse", "tool_name": "TaskList", "tool_input": {}, "tool_use_id": "toolu_n14" },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "PostToolUse", "tool_name": "TaskList", "tool_input": {}, "tool_response": { "tasks": [{ "id": "1", "subject": "Research current sync system", "status": "completed", "owner": "explorer", "blockedBy": [] }, { "id": "2", "subject": "Implement monitoring script", "status": "in_progress", "blockedBy": [] }, { "id": "3", "subject": "Deploy to production", "status": "pending", "blockedBy": ["2"] }] }, "tool_use_id": "toolu_n14", "duration_ms": 1 },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "permission_mode": "bypassPermissions", "effort": { "level": "high" }, "hook_event_name": "Stop", "stop_hook_active": false, "last_assistant_message": "Monitoring script written; deployment waits on it.", "background_tasks": [], "session_crons": [] },
  { "session_id": "02530bef-d6bb-47f3-aeda-bb52e2058056", "transcript_path": "/home/dev/.claude/projects/-home-dev-nas-monitor/02530bef-d6bb-47f3-aeda-bb52e2058056.jsonl", "cwd": "/home/dev/nas-monitor", "prompt_id": "3d85c5dc-805b-469f-a08a-a6b045fa8658", "hook_event_name": "SessionEnd", "reason": "other" }
];

// src/hooks/demo/replay.ts
function registered(config, event) {
  const groups = config.hooks[String(event.hook_event_name)] ?? [];
  return groups.some((group) => {
    if (!group.matcher || group.matcher === "*" || typeof event.tool_name !== "string") return true;
    return new RegExp(`^(?:${group.matcher})$`).test(event.tool_name);
  });
}
function moved(value, from, to) {
  if (typeof value === "string") return value.startsWith(from) ? to + value.slice(from.length) : value;
  if (Array.isArray(value)) return value.map((item) => moved(item, from, to));
  if (isFields(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moved(v, from, to)]));
  return value;
}

// src/hooks/demo/run-demo.ts
function describe(event) {
  const name = String(event.hook_event_name);
  const input = isFields(event.tool_input) ? event.tool_input : {};
  const detail = input.subject ?? input.description ?? input.file_path ?? input.command ?? input.taskId ?? event.prompt ?? event.source ?? "";
  const who = event.agent_id ? " (subagent)" : "";
  return `${name}${event.tool_name ? ` ${String(event.tool_name)}` : ""}${who}${detail ? `: ${String(detail).split("\n")[0]}` : ""}`;
}
function runDemo(io) {
  const dir = (0, import_node_fs.realpathSync)((0, import_node_fs.mkdtempSync)((0, import_node_path.join)((0, import_node_os.tmpdir)(), "tasktrail-demo-")));
  const project = (0, import_node_path.join)(dir, "nas-monitor");
  (0, import_node_fs.mkdirSync)(project);
  if ((0, import_node_child_process.spawnSync)("git", ["init", "-q", project]).status !== 0) {
    io.out("tasktrail demo needs git to make the throwaway project");
    return 1;
  }
  const env = { ...io.env, TASKTRAIL_HOME: (0, import_node_path.join)(dir, "home"), CLAUDE_PROJECT_DIR: project, NO_COLOR: "1" };
  delete env.TASKTRAIL_DB;
  const config = JSON.parse((0, import_node_fs.readFileSync)((0, import_node_path.resolve)((0, import_node_path.dirname)(io.cli), "..", "hooks", "hooks.json"), "utf8"));
  const run = (args, input = "") => (0, import_node_child_process.spawnSync)(process.execPath, [io.cli, ...args], { cwd: project, env, input, encoding: "utf8" });
  io.out(`Replaying a recorded Claude Code 2.1.197 session into ${project}
`);
  let checklist = "";
  for (const recorded of NAS_SESSION) {
    if (!registered(config, recorded)) continue;
    const event = moved(recorded, RECORDED_PROJECT, project);
    run(["hook"], JSON.stringify(event));
    io.out(`\u25B8 ${describe(event)}`);
    const now = run(["list", "--all"]).stdout;
    if (now !== checklist) {
      io.out(now.replace(/^/gm, "    ").trimEnd());
      checklist = now;
    }
  }
  io.out(`
The checklist: ${(0, import_node_path.join)(project, "TASKS.md")}`);
  io.out(`The store: ${(0, import_node_path.join)(dir, "home", "tasks.db")} (TASKTRAIL_HOME=${(0, import_node_path.join)(dir, "home")} tasktrail -C ${project} list --all)`);
  return 0;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runDemo
});
