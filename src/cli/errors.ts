// Errors the CLI reports as one line: exit 1 for what went wrong, 2 for a wrong call.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** Lines printed after the message (candidates, valid values). */
    readonly details: string[] = []
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export function usageError(message: string, details: string[] = []): CliError {
  return new CliError(message, 2, details)
}
