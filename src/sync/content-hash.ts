// The fingerprint of TASKS.md that a base keeps, to tell "unchanged since the last sync"
// without parsing. Computed in JavaScript: loading node:crypto costs about a tenth of a node
// start, more than a hook's whole change. It guards against accidents, not adversaries: the
// length and two independent 32-bit hashes (FNV-1a and a MurmurHash-style mix) must all match.
let last: { text: string; hash: string } | undefined

export function contentHash(text: string): string {
  // A hook hashes the same text twice (before and inside the lock): comparing is cheaper than hashing.
  if (last?.text === text) return last.hash
  const hash = hashOf(text)
  last = { text, hash }
  return hash
}

function hashOf(text: string): string {
  let fnv = 0x811c9dc5
  let murmur = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    fnv = Math.imul(fnv ^ code, 0x01000193)
    murmur = Math.imul(murmur ^ code, 0x5bd1e995)
    murmur ^= murmur >>> 15
  }
  return `${text.length.toString(36)}.${(fnv >>> 0).toString(36)}.${(murmur >>> 0).toString(36)}`
}
