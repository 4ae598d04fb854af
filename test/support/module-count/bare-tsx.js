// The baseline of cli-startup.test.ts: what bin.js does before it loads the CLI (tsx's loader),
// then one empty TypeScript module.
import { register } from 'tsx/esm/api'

register()
await import('./empty.ts')
