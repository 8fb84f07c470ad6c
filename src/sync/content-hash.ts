// The fingerprint of TASKS.md that a base keeps, to tell "unchanged since the last sync"
// without parsing: the markdown engine's block fingerprint (length and two 32-bit hashes, in
// JavaScript because loading node:crypto costs about a tenth of a node start). It guards
// against accidents, not adversaries.
import { hashText } from '../markdown/blocks.js'

let last: { text: string; hash: string } | undefined

export function contentHash(text: string): string {
  // A hook hashes the same text twice (before and inside the lock): comparing is cheaper than hashing.
  if (last?.text === text) return last.hash
  const hash = hashText(text)
  last = { text, hash }
  return hash
}
