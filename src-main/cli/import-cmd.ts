import { resolve } from 'node:path'
import type { ImportProgress, ImportReport } from '../shared/api'
import { dispatch } from '../api/dispatch'
import { checkImportRound } from '../api/shell-checks'
import { openCliBackend } from './backend'
import type { Handler } from './commands'
import { jobEnd } from './job-events'

export function formatReport(r: ImportReport): string {
  const lines = [
    `Import ${r.status}: ${r.resultsFound} results found in ${r.filesRead} files read`,
    `  imported ${r.imported}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped}`
  ]
  if (r.error) lines.push(`  error: ${r.error}`)
  for (const s of r.skippedItems) lines.push(`  skipped ${s.path}: ${s.reason}`)
  for (const n of new Set(r.notes)) lines.push(`  note: ${n}`)
  return lines.join('\n') + '\n'
}

/** `mlperf-explorer import <path>...`: imports.start, progress on a terminal, the report. */
export const importCmd: Handler<'import'> = async ({ values: v, positionals: paths }, io) => {
  if (paths.length === 0) {
    io.err('import: give at least one folder or summary file\n')
    return 2
  }
  // Checked before the database is opened, so a bad round creates no database.
  const checked = checkImportRound(v.round)
  if ('error' in checked) {
    io.err(`import: --round ${v.round ?? ''}: ${checked.error}\n`)
    return 2
  }
  const backend = openCliBackend(v)
  const tty = process.stderr.isTTY
  const stopProgress = backend.hub.subscribe((event, payload) => {
    if (event !== 'imports.progress' || !tty) return
    const p = payload as ImportProgress
    io.err(
      `\r  files read ${p.filesRead}, results found ${p.resultsFound}${p.totalItems ? ` of ${p.totalItems}` : ''}   `
    )
  })
  const finished = jobEnd(backend.hub, 'imports.finished', (r) => r.jobId)
  try {
    const started = await dispatch(backend.api, 'imports.start', {
      paths: paths.map((p) => resolve(p)),
      ...(checked.round !== null ? { round: checked.round } : {})
    })
    if (!started.ok) {
      io.err(`import: ${started.error.message}\n`)
      return started.error.code === 'invalid_input' ? 2 : 1
    }
    const report = await finished.wait((started.value as { jobId: string }).jobId)
    if (tty) io.err('\n')
    io.out(formatReport(report))
    if (report.status !== 'failed') return 0
    // The report (stdout) lists what was read; the reason is one line on stderr.
    io.err(`import failed: ${(report.error ?? 'no reason given').replace(/\s*\n\s*/g, ' ')}\n`)
    return 1
  } finally {
    stopProgress()
    finished.stop()
    await backend.close()
  }
}
