/**
 * The types the import job's steps share: what the caller hears, what it may ask for, and the
 * pieces of work the plan hands to the readers.
 */
import type { ImportProgress, ImportReport } from '../../../shared/api'
import type { Origin } from '../../../shared/catalogue'
import type { ResultLocation } from '../inference'
import type { TrainingSetLocation } from '../training'

export type ImportEvents = {
  progress: (p: ImportProgress) => void
  finished: (r: ImportReport) => void
}

export type ImportOptions = {
  /** Round of the results whose path names none (a user's own folder); validated by the API. */
  round?: string | null
  /** Marks the rows written: downloaded tables and logs say so; everything else is imported. */
  origin?: Origin
}

/** A piece of work; `owner` is the path the user gave that it came from (report by path). */
export type Work =
  | { kind: 'tree'; owner: string; root: string; locations: ResultLocation[] }
  | { kind: 'summary'; owner: string; file: string }
  | { kind: 'training'; owner: string; root: string; sets: TrainingSetLocation[] }
  | { kind: 'training-log'; owner: string; file: string }
