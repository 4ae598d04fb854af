import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'

describe('training schema (migration 0030)', () => {
  const db = openDb(':memory:')
  const columns = (table: string): string[] =>
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)

  it('has STRICT tables for results, details and runs, and an FTS index', () => {
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'training_%' AND name NOT LIKE 'training_results_fts%' ORDER BY name"
      )
      .all() as { name: string; sql: string }[]
    expect(tables.map((t) => t.name)).toEqual([
      'training_result_details',
      'training_results',
      'training_runs'
    ])
    for (const t of tables) expect(t.sql).toMatch(/STRICT/)
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'training_results_fts'")
        .get()
    ).toEqual({ n: 1 })
  })

  it('keeps the narrow columns of the table (snapshot)', () => {
    expect(columns('training_results')).toMatchInlineSnapshot(`
      [
        "id",
        "round",
        "division",
        "category",
        "submitter",
        "system_id",
        "system_name",
        "accelerator",
        "accelerators_total",
        "nodes",
        "framework",
        "benchmark",
        "runs",
        "value",
        "unit",
        "scaling_factor",
        "aborted_runs",
        "rcp_normalised",
        "valid",
        "source",
        "source_kind",
        "content_hash",
        "import_id",
        "energy_value",
        "energy_unit",
        "origin",
      ]
    `)
    expect(columns('training_runs')).toEqual([
      'result_id',
      'seq',
      'file',
      'status',
      'minutes',
      'converged',
      'role',
      'reason',
      'run_final_ms',
      'evals_json'
    ])
  })

  it('has one result per round, division, submitter, system and benchmark', () => {
    const insert = db.prepare(
      `INSERT INTO training_results (round, division, submitter, system_id, benchmark, unit,
         aborted_runs, rcp_normalised, valid, source, source_kind, content_hash)
       VALUES ('v3.0', 'closed', 'A', 's', 'resnet', 'minutes', 0, 0, 1, '/x', 'tree', 'h')`
    )
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE/)
  })
})
