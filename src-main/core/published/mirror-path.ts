import { join } from 'node:path'
import type { PublishedFile } from './sources'

/**
 * One path segment of a repository path, checked: names come from results tables (submitter,
 * system, benchmark), and a table must never make the app write outside its mirror folder.
 */
export function safeSegment(segment: string): string {
  if (
    segment === '' ||
    segment === '.' ||
    segment === '..' ||
    /[\\/]/.test(segment) ||
    segment.includes('\0') ||
    /^[a-zA-Z]:/.test(segment)
  ) {
    throw new Error(`"${segment}" cannot be part of a path in a results repository`)
  }
  return segment
}

/**
 * Where a published file is kept: `<dir>/<owner>/<repo>/<path>`, the repository's own layout
 * (so an importer reading the path finds the round in "inference_results_vX.Y", as in a clone).
 */
export function mirrorPath(dir: string, f: Pick<PublishedFile, 'repo' | 'path'>): string {
  const parts = [...f.repo.split('/'), ...f.path.split('/')].map(safeSegment)
  return join(dir, ...parts)
}
