import type { WritableDb } from '../types'

/**
 * Newest round first: the tables' default order and the round facet sort rounds in release
 * order (query/round-order.ts). These indexes on the round key (the expression must stay the
 * one roundOrderSql writes) let that order walk an index instead of sorting every row; `id`
 * keeps import order within a round.
 */
const KEY =
  "(CASE WHEN round GLOB 'v[0-9]*.[0-9]*' " +
  "THEN CAST(substr(round, 2, instr(round, '.') - 2) AS INTEGER) * 1000 + " +
  "CAST(substr(round, instr(round, '.') + 1) AS INTEGER) ELSE -1 END)"

export function up(db: WritableDb): void {
  db.exec(`
    CREATE INDEX inference_results_round_order ON inference_results (${KEY} DESC, id);
    CREATE INDEX training_results_round_order ON training_results (${KEY} DESC, id);
  `)
}
