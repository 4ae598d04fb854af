// `mlperf-explorer --help` as a user starts it (a new node process running bin.js), next to node
// starting one empty module in the same run: wall time per start, median of several.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export type CliStart = { helpMs: number; bareMs: number; ratio: number }

function medianStartMs(args: string[], runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' })
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`)
    return performance.now() - t0
  }).sort((a, b) => a - b)
  return times[Math.floor(runs / 2)] ?? NaN
}

export function benchCliStart(root: string, runs = 11): CliStart {
  const help = [join(root, 'src-main', 'cli', 'bin.js'), '--help']
  const bare = [join(root, 'test', 'support', 'module-count', 'bare-node.js')]
  medianStartMs(help, 1) // builds the --help bundle if the sources are newer than it
  const helpMs = medianStartMs(help, runs)
  const bareMs = medianStartMs(bare, runs)
  return { helpMs, bareMs, ratio: helpMs / bareMs }
}
