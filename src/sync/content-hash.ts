// The fingerprint of TASKS.md that a base keeps, to tell "unchanged since the last sync"
// without parsing: the byte length and two 32-bit multiplicative hashes over the file's bytes,
// four at a time. In JavaScript because loading node:crypto costs about a twentieth of a node
// start; over words because a hook runs this loop before V8 has compiled it, and a quarter of
// the iterations is most of the gain. Words are read in the machine's byte order: the hash is
// kept in the local store only. It guards against accidents, not adversaries.
export function contentHash(bytes: Uint8Array): string {
  const count = bytes.length >> 2
  const words =
    bytes.byteOffset % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset, count)
      : new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * 4))
  let tail = 0
  for (let i = count * 4; i < bytes.length; i++) tail = (tail << 8) | bytes[i]!
  const steps = bytes.length % 4 ? count + 1 : count
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < steps; i++) {
    const word = i < count ? words[i]! : tail
    a = Math.imul(a ^ word, 0x01000193)
    a ^= a >>> 15
    b = Math.imul(b ^ word, 0x5bd1e995)
    b ^= b >>> 13
  }
  return `${bytes.length.toString(36)}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`
}
