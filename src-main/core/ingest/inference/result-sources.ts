/**
 * The logs and system description a result was read from, listed in its detail (the detail
 * panel links them), and the notes about the official run's detail log.
 */
import { fileSize } from './result-io'
import type { ResultRead } from './result-read'
import type { RunLogs } from './result-logs'

/** Every run's summary and detail log, then the system description. */
export async function listSources(
  r: ResultRead,
  runs: readonly RunLogs[],
  systemFile: string
): Promise<void> {
  for (const run of runs) {
    if (run.summaryText !== null) {
      const bytes = Buffer.byteLength(run.summaryText)
      r.files.push({ role: `${run.name} summary`, path: run.summaryPath, bytes })
    }
    if (run.detailText !== null) {
      r.files.push({ role: `${run.name} detail`, path: run.detailPath, bytes: run.detailBytes })
    }
  }
  r.files.push({ role: 'system description', path: systemFile, bytes: await fileSize(systemFile) })
}

/** A missing detail log (values from the summary) or lines of it that could not be parsed. */
export function detailLogNotes(r: ResultRead, official: RunLogs): void {
  if (official.detailText === null) {
    r.notes.push(`${official.name}/mlperf_log_detail.txt is missing; values come from the summary.`)
  }
  if (official.mllog && official.mllog.skippedLines > 0) {
    r.notes.push(
      `${official.mllog.skippedLines} unparsable line(s) in mlperf_log_detail.txt were skipped.`
    )
  }
}
