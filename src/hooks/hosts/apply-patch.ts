// Codex's apply_patch carries only the patch text; its headers name the files it touches.
// A moved file counts twice: the path it left and the path it went to.

const HEADER = /^\*\*\* (?:Add File|Update File|Delete File|Move to): (.+)$/gm

/** The paths a patch adds, updates, deletes or moves to, each once, in the patch's order. */
export function patchPaths(patch: string): string[] {
  return [...new Set([...patch.matchAll(HEADER)].map((match) => match[1]!.trim()).filter(Boolean))]
}
