#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx mlperf-explorer` works in a checkout right
// after `npm install`, with no build step.
import { register } from 'tsx/esm/api'

// main() turns every failure into one line and an exit code; this is the last guard for a
// fault outside it (an event handler of a dependency), which must not print a stack trace.
const fatal = (e) => {
  process.stderr.write(`mlperf-explorer: ${e instanceof Error ? e.message : String(e)}\n`)
  if (process.env.MLPERF_EXPLORER_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`)
  process.exit(1)
}
process.on('uncaughtException', fatal)
process.on('unhandledRejection', fatal)

register()
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
