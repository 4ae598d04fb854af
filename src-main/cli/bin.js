#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx mlperf-explorer` works in a checkout right
// after `npm install`, with no build step. Usage text comes from a prebuilt bundle when it is
// up to date (command-line-cache.mjs), so `--help` does not pay for starting tsx.
import { buildCommandLine, loadCommandLine } from './command-line-cache.mjs'

// main() turns every failure into one line and an exit code; this is the last guard for a
// fault outside it (an event handler of a dependency), which must not print a stack trace.
const fatal = (e) => {
  process.stderr.write(`mlperf-explorer: ${e instanceof Error ? e.message : String(e)}\n`)
  if (process.env.MLPERF_EXPLORER_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`)
  process.exit(1)
}
process.on('uncaughtException', fatal)
process.on('unhandledRejection', fatal)

const argv = process.argv.slice(2)
const bundled = await loadCommandLine()
const line = bundled?.readCommandLine(argv)
if (line && !('run' in line)) {
  if (line.out !== undefined) process.stdout.write(line.out)
  if (line.err !== undefined) process.stderr.write(line.err)
  process.exitCode = line.code
} else {
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import('./main.ts')
  process.exitCode = await main(argv)
  if (!bundled) {
    try {
      buildCommandLine()
    } catch {
      // Without esbuild the CLI keeps answering --help the slower way.
    }
  }
}
