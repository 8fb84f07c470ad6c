// tasktrail serve: the resident process (src/resident/server.ts). The hooks start it; a
// person can run it in the foreground, ask for its --status, or --stop it. While one is
// listening, a client hands `serve` to it (src/cli/start.ts), so running here means none is.
import { logLine } from '../../hooks/log.js'
import { residentAddress } from '../../resident/address.js'
import { startResident, type RunCommand } from '../../resident/server.js'
import { tasktrailHome } from '../../store/paths.js'
import type { Command } from '../command.js'
import { CliError } from '../errors.js'

export function serveCommand(run: RunCommand): Command {
  return {
    usage: 'serve [--status | --stop]',
    summary: 'run the resident process for hooks and quick commands (the hooks start it)',
    positionals: [0, 0],
    options: { status: { type: 'boolean' }, stop: { type: 'boolean' } },
    async run(invocation) {
      const { output, values, env } = invocation
      const address = residentAddress(env, import.meta.dirname)
      const where = typeof address === 'string' ? address : `none listens at ${address.socket}`
      if (values.status) {
        output.out(`no resident process: ${where}`)
        return 1
      }
      if (values.stop) {
        output.out(`no resident process to stop: ${where}`)
        return 0
      }
      if (typeof address === 'string') throw new CliError(`cannot serve: ${address}`)
      const current = () => {
        const now = residentAddress(env, import.meta.dirname)
        return typeof now !== 'string' && now.socket === address.socket
      }
      const resident = await startResident(address, run, current)
      if (typeof resident === 'string') throw new CliError(resident)
      // Run by hand, it says where it listens; started by a hook, nobody reads this.
      output.out(`resident process ${process.pid} serving at ${address.socket} (tasktrail serve --stop ends it)`)
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resident.stop(`stopped by ${signal}`))
      const failed = (why: string) => logLine(tasktrailHome(env), {}, `resident process ${process.pid} ${why}`)
      // Its clients each run the command themselves when it ends without answering.
      process.on('uncaughtException', (error) => {
        failed(`failed: ${error.stack ?? String(error)}`)
        process.exit(1)
      })
      const stop = await resident.stopped
      if (!stop.failed) return 0
      failed(stop.why)
      return 1
    }
  }
}
