// `tasktrail watch`: sync on every save of TASKS.md until Ctrl-C.
import type { Command } from '../command.js'
import { watchProject } from '../../sync/watch.js'
import { openContext } from '../context.js'
import { describeReport } from './sync.js'

const watchCommand: Command = {
  usage: 'watch',
  summary: 'sync TASKS.md with the store on every save, until Ctrl-C',
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const context = openContext(invocation)
    const stop = new AbortController()
    const onSignal = () => stop.abort()
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal)
    const time = () => new Date().toTimeString().slice(0, 8)
    await watchProject(context.store, context.project, context.repo, {
      signal: stop.signal,
      describe: describeReport,
      log: (line) => invocation.output.out(`${time()} ${line}`),
      onReady: () => invocation.output.err(`watching ${context.project.root}/TASKS.md; Ctrl-C stops`)
    })
    context.store.close()
    invocation.output.err('stopped')
  }
}

export default watchCommand
