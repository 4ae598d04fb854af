#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx mlperf-explorer` works in a checkout right
// after `npm install`, with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
