import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CATALOGUE_PATH,
  decodeCatalogue,
  unpackRows
} from '../../src-main/core/catalogue/catalogue-file'
import type { CatalogueFile } from '../../src-main/core/catalogue/catalogue-file'
import {
  inferenceRecordFromRow,
  parseInferenceDetail
} from '../../src-main/core/repo/inference-results'
import type { InferenceResultRecord } from '../../src-main/shared/inference'

/** The shipped catalogue file of the checkout at `root`. */
export function readCatalogue(root: string): CatalogueFile {
  return decodeCatalogue(readFileSync(join(root, ...CATALOGUE_PATH)))
}

/** The catalogue's inference rows as records (real published results for synthetic data). */
export function catalogueInferenceRecords(root: string): InferenceResultRecord[] {
  const { inference } = readCatalogue(root)
  return unpackRows(inference).map((r) => {
    const row = Object.fromEntries(inference.columns.map((c, i) => [c, r.values[i] ?? null]))
    const source = String(row['source'])
    return inferenceRecordFromRow(
      row,
      parseInferenceDetail(r.detail, source, String(row['source_kind']))
    )
  })
}
