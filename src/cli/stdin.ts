// Reading a hook's event. Claude Code gives stdin as a pipe: reading fd 0 directly spares
// creating process.stdin (a net.Socket, and the modules behind it) on every hook. A
// non-blocking stdin (EAGAIN) is read through the stream instead.
import { readFileSync } from 'node:fs'

export async function readStdin(): Promise<string> {
  try {
    return readFileSync(0, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code !== 'EAGAIN') throw error
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}
