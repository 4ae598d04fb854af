/**
 * Reads the planned work in order, each piece by its reader, and files what happens under the
 * path and suite the piece came from. Stops between pieces (and between results, in the
 * readers) once the job is cancelled.
 */
import { plannedSuite } from './import-plan'
import { readSummary, readTrainingLog, readTrainingSets, readTree } from './import-readers'
import type { Readers } from './import-readers'
import type { Work } from './import-types'

function readWork(r: Readers, w: Work): Promise<void> {
  switch (w.kind) {
    case 'training-log':
      return readTrainingLog(r, w)
    case 'training':
      return readTrainingSets(r, w)
    case 'summary':
      return readSummary(r, w)
    case 'tree':
      return readTree(r, w)
  }
}

export async function runWork(r: Readers, work: readonly Work[]): Promise<void> {
  for (const w of work) {
    if (r.signal.aborted) break
    r.state.tally.at(w.owner, plannedSuite(w))
    await readWork(r, w)
  }
}
