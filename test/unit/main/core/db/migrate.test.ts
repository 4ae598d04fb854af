import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DatabaseFromFutureError, migrate } from '../../../../../src-main/core/db/migrate'
import { MIGRATIONS } from '../../../../../src-main/core/db/migrations'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'

const raw = (): WritableDb => new Database(':memory:') as WritableDb

describe('migrate', () => {
  it('brings an empty database to the latest version in one step', () => {
    const db = raw()
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)?.version)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version)
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)?.version)
  })

  it('applies each migration on its own, in order', () => {
    for (let i = 1; i <= MIGRATIONS.length; i++) {
      const db = raw()
      expect(migrate(db, MIGRATIONS.slice(0, i))).toBe(MIGRATIONS[i - 1]?.version)
    }
  })

  it('refuses a database written by a newer app', () => {
    const db = raw()
    db.pragma('user_version = 99999')
    expect(() => migrate(db)).toThrow(DatabaseFromFutureError)
  })

  it('rolls back every step when one fails', () => {
    const db = raw()
    const broken = [
      ...MIGRATIONS,
      {
        version: 9990,
        name: 'broken',
        up: () => {
          throw new Error('boom')
        }
      }
    ]
    expect(() => migrate(db, broken)).toThrow('boom')
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'inference_results'").get()
    ).toEqual({ n: 0 })
  })

  it('rejects versions that do not increase', () => {
    const m = MIGRATIONS[0]
    if (!m) throw new Error('no migrations')
    expect(() => migrate(raw(), [m, m])).toThrow(/must increase/)
  })
})

describe('schema', () => {
  it('has STRICT tables, WAL and the expected columns (snapshot)', () => {
    const db = openDb(':memory:')
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('imports', 'inference_results', 'inference_result_details')"
      )
      .all() as { name: string; sql: string }[]
    expect(tables.map((t) => t.name).sort()).toEqual([
      'imports',
      'inference_result_details',
      'inference_results'
    ])
    for (const t of tables) expect(t.sql).toMatch(/STRICT\s*$/)
    const cols = (
      db.prepare('PRAGMA table_info(inference_results)').all() as { name: string }[]
    ).map((c) => c.name)
    expect(cols).toMatchInlineSnapshot(`
      [
        "id",
        "round",
        "division",
        "category",
        "system_type",
        "submitter",
        "system_id",
        "system_name",
        "accelerator",
        "accelerators_per_node",
        "nodes",
        "accelerators_total",
        "host_processor",
        "host_processors_per_node",
        "host_processor_core_count",
        "framework",
        "operating_system",
        "benchmark",
        "mlperf_model",
        "scenario",
        "metric",
        "unit",
        "value",
        "power_value",
        "power_unit",
        "accuracy",
        "valid",
        "inferred",
        "weight_data_types",
        "source",
        "source_kind",
        "public_id",
        "content_hash",
        "import_id",
        "origin",
      ]
    `)
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'inference_results_fts'")
        .get()
    ).toEqual({ n: 1 })
  })
})
