/**
 * A damaged file never silently changes a good stored row. Before a batch is written, every
 * result that is already stored (same key, same kind of source) is compared with what was just
 * read, field by field on what the table shows:
 *
 * - nothing changed: written as before (the repository finds it unchanged);
 * - something changed and the read shows damage (a file of this result was refused by
 *   file-safety.ts, a value the stored row has is gone, a run that counted no longer does, the
 *   parser had to skip lines or fall back): the stored row is kept and the report says which
 *   result, what would have changed and why;
 * - something changed with no sign of damage (a newer copy of the tree): written, and the report
 *   notes the old and new values, so no stored number changes without a line in the report.
 */
import path from 'node:path'
import type { InferenceResultRecord } from '../../shared/inference'
import type { TrainingResultRecord } from '../../shared/training'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb } from '../db/types'

/** A stored column and how to read the same field from a record. */
type Field<R> = readonly [column: string, read: (r: R) => string | number | boolean | null]

const INFERENCE_KEY = ['round', 'division', 'submitter', 'system_id', 'benchmark', 'scenario']
const INFERENCE_FIELDS: readonly Field<InferenceResultRecord>[] = [
  ['value', (r) => r.value],
  ['valid', (r) => r.valid],
  ['metric', (r) => r.metric],
  ['unit', (r) => r.unit],
  ['inferred', (r) => r.inferred],
  ['power_value', (r) => r.powerValue],
  ['power_unit', (r) => r.powerUnit],
  ['accuracy', (r) => r.accuracy],
  ['mlperf_model', (r) => r.mlperfModel],
  ['category', (r) => r.category],
  ['system_type', (r) => r.systemType],
  ['system_name', (r) => r.systemName],
  ['accelerator', (r) => r.accelerator],
  ['accelerators_per_node', (r) => r.acceleratorsPerNode],
  ['nodes', (r) => r.nodes],
  ['accelerators_total', (r) => r.acceleratorsTotal],
  ['host_processor', (r) => r.hostProcessor],
  ['host_processors_per_node', (r) => r.hostProcessorsPerNode],
  ['host_processor_core_count', (r) => r.hostProcessorCoreCount],
  ['framework', (r) => r.framework],
  ['operating_system', (r) => r.operatingSystem],
  ['weight_data_types', (r) => r.weightDataTypes]
]

const TRAINING_KEY = ['round', 'division', 'submitter', 'system_id', 'benchmark']
const TRAINING_FIELDS: readonly Field<TrainingResultRecord>[] = [
  ['value', (r) => r.value],
  ['valid', (r) => r.valid],
  ['runs', (r) => r.runs],
  ['scaling_factor', (r) => r.scalingFactor],
  ['aborted_runs', (r) => r.flags.abortedRuns],
  ['rcp_normalised', (r) => r.flags.rcpNormalised],
  ['unit', (r) => r.unit],
  ['category', (r) => r.category],
  ['system_name', (r) => r.systemName],
  ['accelerator', (r) => r.accelerator],
  ['accelerators_total', (r) => r.acceleratorsTotal],
  ['nodes', (r) => r.nodes],
  ['framework', (r) => r.framework]
]

/**
 * Remarks the readers write when they had to work around a damaged file. New ones (not in the
 * stored result's own notes) are signs of damage.
 */
const DAMAGE_NOTES = [
  /unparsable line/i,
  /is missing; values come from the summary/i,
  /not available; value taken from/i,
  /could not be derived/i,
  /not valid JSON/i,
  /no usable scaling_factor/i,
  /System description unreadable/i,
  /cannot be read/i,
  /cannot parse/i,
  /truncated/i,
  /holds no metric the checker recognises/i
]

export type GuardResult<R> = {
  /** Records to hand to the repository. */
  write: R[]
  /** Results whose stored row was kept, one report line each: the source and why. */
  kept: { path: string; reason: string }[]
  /** Stored results the batch changes with no sign of damage: old and new values. */
  changed: string[]
  /** Results left as stored because nothing they show changed but a file of theirs is damaged. */
  untouched: number
}

type Stored = Record<string, string | number | null> & {
  id: number
  source_kind: string
  detail_json: string | null
}

function cell(v: string | number | boolean | null): string | number | null {
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number' && !Number.isFinite(v)) return null
  return v
}

function shown(v: string | number | null): string {
  if (v === null) return 'none'
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

/** Paths a result depends on: its own folder, its system description and measurements. */
function usedPaths(source: string, systemId: string): string[] {
  const segs = source.split(/[\\/]+/)
  const at = segs.map((s) => s.toLowerCase()).lastIndexOf('results')
  if (at <= 0) return [source]
  const submitterDir = segs.slice(0, at).join(path.sep) || path.sep
  const systemDir = segs[at + 1] ?? systemId
  return [
    source,
    path.join(submitterDir, 'systems', `${systemId}.json`),
    path.join(submitterDir, 'measurements', systemId),
    path.join(submitterDir, 'model_mapping.json'),
    path.join(submitterDir, 'results', systemDir, 'entry.json')
  ]
}

/** Refused files this result depends on (a file inside its folder, or a folder above one). */
export function problemsFor(
  source: string,
  systemId: string,
  problems: ReadonlyMap<string, string>
): string[] {
  if (problems.size === 0) return []
  const used = usedPaths(source, systemId)
  const out: string[] = []
  for (const [p, reason] of problems) {
    if (used.some((u) => u === p || u.startsWith(p + path.sep) || p.startsWith(u + path.sep))) {
      out.push(`${p}: ${reason}`)
    }
  }
  return out
}

/** U+FFFD (a failed UTF-8 decode) or a control character other than tab and line breaks. */
function notText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) return true
  }
  return false
}

function notesOf(detailJson: string | null): string[] {
  if (detailJson === null) return []
  try {
    const d = JSON.parse(detailJson) as { notes?: unknown }
    return Array.isArray(d.notes) ? d.notes.filter((n): n is string => typeof n === 'string') : []
  } catch {
    return []
  }
}

/** Columns the stored result's official table row gives (kept in its detail by table-merge.ts). */
function tableFilled(detailJson: string | null): Set<string> {
  if (detailJson === null) return new Set()
  try {
    const fields = (JSON.parse(detailJson) as { officialTable?: { fields?: unknown } })
      .officialTable?.fields
    if (typeof fields !== 'object' || fields === null) return new Set()
    return new Set(
      Object.entries(fields as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k]) => k)
    )
  } catch {
    return new Set()
  }
}

type Table<R> = {
  table: string
  details: string
  key: readonly string[]
  fields: readonly Field<R>[]
  keyOf: (r: R) => Record<string, string>
  /** Extra signs of damage specific to the suite (training: runs that no longer count). */
  extra?: (db: ReadonlyDb, stored: Stored, rec: R) => string[]
}

function guard<R extends { source: string; sourceKind: string; systemId: string }>(
  db: ReadonlyDb,
  t: Table<R>,
  records: readonly R[],
  problems: ReadonlyMap<string, string>,
  notesOfRecord: (r: R) => string[]
): GuardResult<R> {
  const out: GuardResult<R> = { write: [], kept: [], changed: [], untouched: 0 }
  const find = prepareCached(
    db,
    `SELECT r.*, d.detail_json FROM ${t.table} r LEFT JOIN ${t.details} d ON d.result_id = r.id ` +
      `WHERE ${t.key.map((c) => `r.${c} = @${c}`).join(' AND ')}`
  )
  for (const rec of records) {
    const stored = find.get(t.keyOf(rec)) as Stored | undefined
    // New results, and a tree result taking over a summary row (the repository decides), go in.
    if (!stored || stored.source_kind !== rec.sourceKind) {
      out.write.push(rec)
      continue
    }
    const diffs: { column: string; from: string | number | null; to: string | number | null }[] = []
    const fromTable = tableFilled(stored.detail_json)
    for (const [column, read] of t.fields) {
      const from = stored[column] ?? null
      const to = cell(read(rec))
      // A field the logs never carry, filled from an official table (table-merge.ts), or a
      // field one copy of a summary row lacks and another copy gave: the repository fills it
      // again, so the read's null is no change.
      if (to === null && (fromTable.has(column) || rec.sourceKind === 'summary')) continue
      if (from !== to) diffs.push({ column, from, to })
    }
    const refused = problemsFor(rec.source, rec.systemId, problems)
    if (diffs.length === 0) {
      // Nothing the table shows changes; a damaged file must not rewrite the detail either.
      if (refused.length > 0) out.untouched++
      else out.write.push(rec)
      continue
    }
    const evidence = [...refused]
    for (const d of diffs) {
      if (d.from !== null && d.to === null) evidence.push(`the files no longer give ${d.column}`)
      // Bytes that are not text (U+FFFD from a failed UTF-8 decode, control characters).
      if (typeof d.to === 'string' && notText(d.to)) {
        evidence.push(`${d.column} now holds bytes that are not text`)
      }
    }
    if (t.extra) evidence.push(...t.extra(db, stored, rec))
    const before = new Set(notesOf(stored.detail_json))
    for (const n of notesOfRecord(rec)) {
      if (!before.has(n) && DAMAGE_NOTES.some((re) => re.test(n))) evidence.push(n)
    }
    const what = diffs.map((d) => `${d.column} ${shown(d.from)} → ${shown(d.to)}`).join(', ')
    if (evidence.length > 0) {
      out.kept.push({
        path: rec.source,
        reason: `Not updated: re-reading it would change ${what}, because ${evidence.map((e) => e.replace(/\.+$/, '')).join('; ')}. The stored result is kept.`
      })
    } else {
      out.write.push(rec)
      out.changed.push(`${rec.source}: ${what}`)
    }
  }
  return out
}

/** "Average of N analyzer samples …" from power.ts: the number of power samples used. */
function powerSamples(notes: readonly string[]): number | null {
  for (const n of notes) {
    const m = /Average of (\d+) analyzer samples/.exec(n)
    if (m) return Number(m[1])
  }
  return null
}

type SourceFileLike = { path?: unknown; bytes?: unknown }

/** The files a stored inference result was read from, by path, with their sizes then. */
function storedFiles(detailJson: string | null): Map<string, number | null> {
  const out = new Map<string, number | null>()
  if (detailJson === null) return out
  try {
    const files = (JSON.parse(detailJson) as { files?: unknown }).files
    if (!Array.isArray(files)) return out
    for (const f of files as SourceFileLike[]) {
      if (typeof f.path === 'string') out.set(f.path, typeof f.bytes === 'number' ? f.bytes : null)
    }
  } catch {
    // no usable file list: nothing to compare
  }
  return out
}

/**
 * Signs of damage in an inference result: a file it was read from is gone or much shorter than
 * at the last import (cut off), or its power value now comes from fewer analyzer samples.
 */
function inferenceDamage(_db: ReadonlyDb, stored: Stored, rec: InferenceResultRecord): string[] {
  const out: string[] = []
  const before = storedFiles(stored.detail_json)
  const now = new Map(rec.detail.files.map((f) => [f.path, f.bytes]))
  for (const [p, bytes] of before) {
    if (!now.has(p)) {
      out.push(`${path.basename(p)} was read at the last import and is now missing or unreadable`)
      continue
    }
    const b = now.get(p) ?? null
    if (bytes !== null && b !== null && b < bytes * 0.9) {
      out.push(`${path.basename(p)} is ${b} bytes, ${bytes} at the last import (cut off?)`)
    }
  }
  const samplesBefore = powerSamples(notesOf(stored.detail_json))
  const samplesNow = powerSamples(rec.detail.notes)
  if (samplesBefore !== null && samplesNow !== null && samplesNow < samplesBefore) {
    out.push(
      `spl.txt now gives ${samplesNow} power samples inside the power window instead of ${samplesBefore} (cut off?)`
    )
  }
  return out
}

const INFERENCE: Table<InferenceResultRecord> = {
  table: 'inference_results',
  details: 'inference_result_details',
  key: INFERENCE_KEY,
  fields: INFERENCE_FIELDS,
  keyOf: (r) => ({
    round: r.round,
    division: r.division,
    submitter: r.submitter,
    system_id: r.systemId,
    benchmark: r.benchmark,
    scenario: r.scenario
  }),
  extra: inferenceDamage
}

/**
 * Signs of damage in a training set: runs that counted and no longer do (gone, unreadable, cut
 * off), and a scaling factor back at 1 (scaling.json gone or unreadable: the reader's default).
 */
function trainingDamage(db: ReadonlyDb, stored: Stored, rec: TrainingResultRecord): string[] {
  const runs = prepareCached(
    db,
    'SELECT file, status FROM training_runs WHERE result_id = ? ORDER BY seq'
  ).all(stored.id) as { file: string; status: string }[]
  const now = new Map(rec.detail.runs.map((r) => [r.file, r]))
  const out: string[] = []
  if (
    stored['scaling_factor'] !== null &&
    stored['scaling_factor'] !== 1 &&
    rec.scalingFactor === 1
  ) {
    out.push('scaling.json no longer gives the scaling factor (missing or unreadable)')
  }
  for (const r of runs) {
    const again = now.get(r.file)
    if (!again) out.push(`${r.file}, a run of the set at the last import, is no longer read`)
    else if (r.status === 'success' && again.status !== 'success')
      out.push(
        `${r.file}, a run that counted, is now ${again.status}${again.reason ? ` (${again.reason.replace(/\.$/, '')})` : ''}`
      )
  }
  return out
}

const TRAINING: Table<TrainingResultRecord> = {
  table: 'training_results',
  details: 'training_result_details',
  key: TRAINING_KEY,
  fields: TRAINING_FIELDS,
  keyOf: (r) => ({
    round: r.round,
    division: r.division,
    submitter: r.submitter,
    system_id: r.systemId,
    benchmark: r.benchmark
  }),
  extra: trainingDamage
}

export function guardInference(
  db: ReadonlyDb,
  records: readonly InferenceResultRecord[],
  problems: ReadonlyMap<string, string>
): GuardResult<InferenceResultRecord> {
  return guard(db, INFERENCE, records, problems, (r) => r.detail.notes)
}

export function guardTraining(
  db: ReadonlyDb,
  records: readonly TrainingResultRecord[],
  problems: ReadonlyMap<string, string>
): GuardResult<TrainingResultRecord> {
  return guard(db, TRAINING, records, problems, (r) => [
    ...r.detail.notes,
    ...r.detail.runs.filter((x) => x.reason).map((x) => `${x.file}: ${x.reason ?? ''}`)
  ])
}

/**
 * A result without a derivable official value is never valid, whatever its log says (the
 * official table has no number for it).
 */
export function withoutValueInvalid<
  R extends { value: number | null; valid: boolean; detail: { notes: string[] } }
>(rec: R): R {
  if (rec.value !== null || !rec.valid) return rec
  return {
    ...rec,
    valid: false,
    detail: {
      ...rec.detail,
      notes: [
        ...rec.detail.notes,
        'Marked invalid: no official value could be derived from its files, so it cannot count as a valid result.'
      ]
    }
  }
}
