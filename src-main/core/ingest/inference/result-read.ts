/**
 * What reading one result folder builds up step by step: the report notes and the source
 * files of its detail, in the order the steps add them (the stored detail, and so the content
 * hash, depends on that order), and how many files were read. A step that finds the result
 * unusable throws ResultSkip with the reason; the reader turns it into a skipped item.
 */
import type { SourceFile } from '../../../shared/inference'
import type { ReadContext } from './read-context'
import type { ResultLocation } from './tree-scan'

export type ResultRead = {
  loc: ResultLocation
  ctx: ReadContext
  notes: string[]
  files: SourceFile[]
  filesRead: number
}

export function startRead(loc: ResultLocation, ctx: ReadContext): ResultRead {
  return { loc, ctx, notes: [], files: [], filesRead: 0 }
}

/** The result cannot be imported, for the reason given (shown in the report). */
export class ResultSkip extends Error {}
