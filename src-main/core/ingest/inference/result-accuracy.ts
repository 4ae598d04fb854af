/**
 * The result's accuracy, from accuracy/accuracy.txt, rendered the way the official table shows
 * it (accuracy-txt.ts); a missing or unrecognised file is a note, not a skip (the performance
 * result still stands).
 */
import path from 'node:path'
import { parseAccuracyText } from './accuracy-txt'
import { readText } from './result-io'
import type { ResultRead } from './result-read'

export type ResultAccuracy = {
  accuracy: string | null
  accuracyMetrics: Record<string, number>
}

export async function readAccuracy(r: ResultRead, model: string): Promise<ResultAccuracy> {
  const accPath = path.join(r.loc.dir, 'accuracy', 'accuracy.txt')
  const accText = await readText(accPath)
  if (accText === null) {
    r.notes.push('accuracy/accuracy.txt is missing.')
    return { accuracy: null, accuracyMetrics: {} }
  }
  r.filesRead++
  r.files.push({ role: 'accuracy', path: accPath, bytes: Buffer.byteLength(accText) })
  const acc = parseAccuracyText(accText, model)
  if (acc.rendered === null) r.notes.push('accuracy.txt holds no metric the checker recognises.')
  if (acc.detected && acc.rendered !== null) {
    r.notes.push(
      'Accuracy metric detected from the file content (benchmark not known to the checker).'
    )
  }
  return { accuracy: acc.rendered, accuracyMetrics: acc.metrics }
}
