// Writing to the terminal: colour only on a TTY and never with NO_COLOR.
//
// Text goes to the file descriptors directly: process.stdout on a pipe is a net.Socket, and
// creating it loads net and the stream modules, a tenth of a hook's run. Only a pipe that
// is full (EAGAIN) or a real terminal brings in the stream.
import { fstatSync, statSync, writeSync } from 'node:fs'

export interface Output {
  out(text: string): void
  err(text: string): void
  color: boolean
}

const streamed = new Set<number>()

/** Writes all of `text` to fd 1 or 2, in order, falling back to the stream once the fd would block. */
export function writeFd(fd: 1 | 2, text: string): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr)
  if (streamed.has(fd)) {
    stream().write(text)
    return
  }
  let rest = Buffer.from(text)
  try {
    while (rest.length) rest = rest.subarray(writeSync(fd, rest))
  } catch (error) {
    if ((error as { code?: string }).code !== 'EAGAIN') throw error
    streamed.add(fd)
    stream().write(rest)
  }
}

/**
 * A terminal is a character device; so is /dev/null (stdio 'ignore'), which is ruled out
 * by its device number before process.stdout, and the modules behind it, is created.
 */
function isTerminal(fd: 1): boolean {
  if (process.platform === 'win32') return process.stdout.isTTY === true
  const stat = fstatSync(fd)
  return stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev && process.stdout.isTTY === true
}

const line = (text: string) => (text.endsWith('\n') ? text : text + '\n')

export function terminalOutput(): Output {
  let color: boolean | undefined
  return {
    out: (text) => writeFd(1, line(text)),
    err: (text) => writeFd(2, line(text)),
    get color() {
      return (color ??= !process.env.NO_COLOR && isTerminal(1))
    }
  }
}

/** Output kept to be handed on: an MCP tool's result. */
export function bufferedOutput(color: boolean): Output & { text(): { out: string; err: string } } {
  let out = ''
  let err = ''
  return {
    out: (text) => void (out += line(text)),
    err: (text) => void (err += line(text)),
    color,
    text: () => ({ out, err })
  }
}

const CODES = { green: 32, yellow: 33, red: 31, dim: 2, bold: 1, cyan: 36 } as const
export type Style = keyof typeof CODES

export function paint(output: Pick<Output, 'color'>, style: Style, text: string): string {
  return output.color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text
}

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2))
}
