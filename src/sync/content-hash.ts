// The fingerprint of TASKS.md that a base keeps, to tell "unchanged since the last sync"
// without parsing: the byte length and two 32-bit multiplicative hashes over the file's bytes,
// four at a time as little-endian words. Not node:crypto: loading it costs about a twentieth
// of a node start. The loop runs in WebAssembly: a process of its own (`done`, a hook) hashes
// the file before and after its write, and the same loop in JavaScript ran in V8's
// interpreter there, ~2 ms a call for 1,000 tasks against ~0.5 ms for this module, compiled
// once per process (in JavaScript still where there is no WebAssembly: node --jitless). It
// guards against accidents, not adversaries; the hash is kept in the local store only.

/**
 * The word loop: h(count, a, b) runs the two hashes from `a` and `b` over the first `count`
 * little-endian words of the imported memory, returns a and leaves b in the global `b`.
 *
 *   (func (export "h") (param $count i32) (param $a i32) (param $b i32) (result i32)
 *     (local $i i32) (local $word i32)
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $i) (local.get $count)))
 *       (local.set $word (i32.load (i32.shl (local.get $i) (i32.const 2))))
 *       (local.set $a (i32.xor (local.tee $a (i32.mul (i32.xor (local.get $a) (local.get $word)) (i32.const 0x01000193)))
 *                              (i32.shr_u (local.get $a) (i32.const 15))))
 *       (local.set $b (i32.xor (local.tee $b (i32.mul (i32.xor (local.get $b) (local.get $word)) (i32.const 0x5bd1e995)))
 *                              (i32.shr_u (local.get $b) (i32.const 13))))
 *       (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *       (br 0)))
 *     (global.set $b (local.get $b))
 *     (local.get $a))
 */
const BODY = [
  0x55, 0x01, 0x02, 0x7f, // 85 bytes; locals $i, $word
  0x02, 0x40, 0x03, 0x40,
  0x20, 0x03, 0x20, 0x00, 0x4f, 0x0d, 0x01,
  0x20, 0x03, 0x41, 0x02, 0x74, 0x28, 0x02, 0x00, 0x21, 0x04,
  0x20, 0x01, 0x20, 0x04, 0x73, 0x41, 0x93, 0x83, 0x80, 0x08, 0x6c, 0x22, 0x01, 0x20, 0x01, 0x41, 0x0f, 0x76, 0x73, 0x21, 0x01,
  0x20, 0x02, 0x20, 0x04, 0x73, 0x41, 0x95, 0xd3, 0xc7, 0xde, 0x05, 0x6c, 0x22, 0x02, 0x20, 0x02, 0x41, 0x0d, 0x76, 0x73, 0x21, 0x02,
  0x20, 0x03, 0x41, 0x01, 0x6a, 0x21, 0x03, 0x0c, 0x00,
  0x0b, 0x0b, 0x20, 0x02, 0x24, 0x00, 0x20, 0x01, 0x0b
]
/**
 * Two copies of it, h and g. V8 compiles a wasm function again, optimised, once it has run
 * ~30,000 words: the second hash of a 1,000-task file (a process of its own hashes it before
 * and after its write) paid ~1 ms of compiling for a loop of 0.04 ms. Calls alternate between
 * the copies, so a short-lived process never pays it and a long-lived one still gets it.
 */
const WORD_LOOP = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, // type: (i32 i32 i32) -> i32
  0x02, 0x08, 0x01, 0x01, 0x6d, 0x01, 0x6d, 0x02, 0x00, 0x01, // import memory m.m, at least 1 page
  0x03, 0x03, 0x02, 0x00, 0x00, // two functions of that type
  0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b, // global b: mutable i32 = 0
  0x07, 0x0d, 0x03, 0x01, 0x68, 0x00, 0x00, 0x01, 0x67, 0x00, 0x01, 0x01, 0x62, 0x03, 0x00, // export h, g, b
  0x0a, 0xad, 0x01, 0x02, // code: 173 bytes, two bodies
  ...BODY,
  ...BODY
])

const PAGE = 65536

// The little of WebAssembly used here (the project's TypeScript libraries do not declare it);
// absent under node --jitless.
interface Memory {
  buffer: ArrayBuffer
  grow(pages: number): number
}
interface Wasm {
  Memory: new (limits: { initial: number }) => Memory
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
}
const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly

type Loop = (count: number, a: number, b: number) => number

interface WordLoop {
  memory: Memory
  copies: [Loop, Loop]
  b: { value: number }
  calls: number
}

let loop: WordLoop | undefined

function wordLoop(wasm: Wasm, bytes: number): WordLoop {
  const pages = Math.max(1, Math.ceil(bytes / PAGE))
  if (!loop) {
    const memory = new wasm.Memory({ initial: pages })
    const { exports } = new wasm.Instance(new wasm.Module(WORD_LOOP), { m: { m: memory } })
    loop = { memory, copies: [exports.h as Loop, exports.g as Loop], b: exports.b as WordLoop['b'], calls: 0 }
  } else if (loop.memory.buffer.byteLength < pages * PAGE) {
    loop.memory.grow(pages - loop.memory.buffer.byteLength / PAGE)
  }
  return loop
}

/** The same loop in JavaScript, where there is no WebAssembly (node --jitless). */
function jsWordLoop(bytes: Uint8Array, count: number, a: number, b: number): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = 0; i < count; i++) {
    const word = view.getInt32(i * 4, true)
    a = Math.imul(a ^ word, 0x01000193)
    a ^= a >>> 15
    b = Math.imul(b ^ word, 0x5bd1e995)
    b ^= b >>> 13
  }
  return [a, b]
}

function runWords(bytes: Uint8Array, count: number, a: number, b: number): [number, number] {
  if (!wasm) return jsWordLoop(bytes, count, a, b)
  const words = wordLoop(wasm, bytes.length)
  new Uint8Array(words.memory.buffer, 0, bytes.length).set(bytes)
  return [words.copies[words.calls++ & 1]!(count, a, b), words.b.value]
}

export function contentHash(bytes: Uint8Array): string {
  const count = bytes.length >> 2
  let [a, b] = runWords(bytes, count, 0x811c9dc5, 0x9747b28c)
  if (bytes.length % 4) {
    // The last one to three bytes, as one more word, big end first.
    let tail = 0
    for (let i = count * 4; i < bytes.length; i++) tail = (tail << 8) | bytes[i]!
    a = Math.imul(a ^ tail, 0x01000193)
    a ^= a >>> 15
    b = Math.imul(b ^ tail, 0x5bd1e995)
    b ^= b >>> 13
  }
  return `${bytes.length.toString(36)}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`
}
