import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isSummaryFileName } from './summaries'
import { isTrainingSummaryFileName } from './training/summaries'

/** Summary files anywhere under a folder (depth-limited; hidden folders and node_modules skipped). */
export async function findSummaryFiles(
  root: string,
  signal: AbortSignal,
  maxDepth = 8
): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (signal.aborted || depth > maxDepth) return
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue
      const full = join(dir, e.name)
      if (e.isDirectory()) await walk(full, depth + 1)
      else if (e.isFile() && (isSummaryFileName(full) || isTrainingSummaryFileName(full))) {
        found.push(full)
      }
    }
  }
  await walk(root, 0)
  return found.sort()
}
