/**
 * The rows of a round's pivot: one per system (division, submitter, system id), its results in
 * their columns, sorted as MLCommons publishes them (division, availability, submitter, system).
 */
import type { PivotCell, PivotRow } from '../../shared/pivot'
import type { PivotSqlRow } from './pivot-columns'
import { columnKey } from './pivot-columns'

/** A system's row with no result yet. */
function emptyRow(r: PivotSqlRow, columnCount: number): PivotRow {
  return {
    division: r.division,
    category: r.category,
    systemType: r.system_type,
    submitter: r.submitter,
    systemId: r.system_id,
    systemName: r.system_name ?? r.system_id,
    accelerator: r.accelerator,
    acceleratorsTotal: r.accelerators_total,
    publicId: null,
    cells: Array.from({ length: columnCount }, () => null)
  }
}

/**
 * The row's MLPerf ID where all its results share one (closed division); open-division IDs
 * name each benchmark apart, so those rows leave it to their cells.
 */
export function sharedPublicId(cells: readonly (PivotCell | null)[]): string | null {
  const ids = new Set(cells.map((c) => c?.publicId).filter((id) => id))
  const [only] = ids
  return ids.size === 1 && only ? only : null
}

/** Rows of the systems in `found`, sorted as the published table. */
export function pivotRows(
  found: readonly PivotSqlRow[],
  columnCount: number,
  index: ReadonlyMap<string, number>
): PivotRow[] {
  const rows = new Map<string, PivotRow>()
  for (const r of found) {
    const key = `${r.division}\u0000${r.submitter}\u0000${r.system_id}`
    let row = rows.get(key)
    if (!row) {
      row = emptyRow(r, columnCount)
      rows.set(key, row)
    }
    row.cells[index.get(columnKey(r)) ?? 0] = {
      id: r.id,
      value: r.value,
      valid: r.valid !== 0,
      inferred: r.inferred !== 0,
      publicId: r.public_id
    }
  }
  for (const row of rows.values()) row.publicId = sharedPublicId(row.cells)
  return [...rows.values()].sort(
    (a, b) =>
      a.division.localeCompare(b.division) ||
      (a.category ?? '').localeCompare(b.category ?? '') ||
      a.submitter.localeCompare(b.submitter) ||
      a.systemName.localeCompare(b.systemName)
  )
}
