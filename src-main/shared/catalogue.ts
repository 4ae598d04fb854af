/**
 * The published catalogue and where results come from. Environment neutral: shared by the main
 * side and (as types) by the renderer.
 */
import type { Suite } from './api'

/**
 * Where a stored result came from (independent of source_kind, which says what kind of file the
 * values were read from):
 *  - bundled: the published catalogue shipped with the app (resources/catalogue/);
 *  - imported: a submission tree or summary file the user imported;
 *  - downloaded: an official table or a result's logs fetched over HTTP;
 *  - local: the user's own runs, made by this app (unverified).
 */
export type Origin = 'bundled' | 'imported' | 'downloaded' | 'local'

export const ORIGINS: readonly Origin[] = ['bundled', 'imported', 'downloaded', 'local']

/** One round of one suite in the catalogue (or in a downloaded official table). */
export type CoverageEntry = {
  suite: Suite
  round: string
  /** bundled (shipped catalogue) or downloaded (fetched later). */
  origin: Origin
  /** Results the official table(s) of this round hold, one per result. */
  results: number
  /** The official table the values come from, in words, e.g. "summary_results.json (MLCommons)". */
  source: string
  /** Files read (public paths, e.g. inference_results_v4.1/summary_results.json). */
  files: string[]
  /** The table lists every published result of the round; false: only part of the round. */
  complete: boolean
  /** Why the round is partial, which table won where two overlap, what was left out. */
  note: string | null
}

/** A coverage row with what the database holds of that round now. */
export type CoverageRow = CoverageEntry & {
  /** Rows of this round in the database by origin (every origin, not only this entry's). */
  inDatabase: Record<Origin, number>
}

export type CatalogueStatus = {
  /** Id of the catalogue build shipped with this app (null when the file is missing). */
  shippedBuild: string | null
  /** Id of the build loaded into this database (null: never loaded). */
  loadedBuild: string | null
  /** The user removed the bundled results (they stay out until restored). */
  removed: boolean
  /** Bundled rows in the database now, per suite. */
  bundled: Record<Suite, number>
  /** Rows the user imported, downloaded or ran, per suite. */
  own: Record<Suite, number>
  coverage: CoverageRow[]
}

/** What remove/restore did. */
export type CatalogueChange = { inference: number; training: number }
