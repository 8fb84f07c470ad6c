// Writing to the terminal: colour only on a TTY and never with NO_COLOR.
export interface Output {
  out(text: string): void
  err(text: string): void
  color: boolean
}

export function terminalOutput(): Output {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR
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
