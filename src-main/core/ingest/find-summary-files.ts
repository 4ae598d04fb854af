import { readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { isSummaryFileName } from './summaries'
import { isTrainingSummaryFileName } from './training/summaries'

/**
 * Reading order within a folder: result_summarizer's power tables first (they carry the scores
 * and the energy, so the first copy of a result a job keeps has both), then the CSV before the
 * JSON (the JSON rounds scores to 10 decimals).
 */
function readingOrder(a: string, b: string): number {
  const rank = (p: string): string => {
    const name = basename(p).toLowerCase()
    return `${dirname(p)}\u0000${name.includes('power') ? 0 : 1}${name.endsWith('.csv') ? 0 : 1}${name}`
  }
  const ra = rank(a)
  const rb = rank(b)
  return ra < rb ? -1 : ra > rb ? 1 : 0
}

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
  return found.sort(readingOrder)
}
