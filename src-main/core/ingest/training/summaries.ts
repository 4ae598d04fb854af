/**
 * Official training summaries → TrainingResultRecord[] (sourceKind 'summary'):
 *
 *  - result_summarizer summary.csv: one row per system, one column per benchmark of the round
 *    (minutes), then details_url and code_url. Submitters committed these files as produced; the
 *    v3.1 Google file repeats its header row (and its second data row has no value at all);
 *  - result_summarizer summary.json: the same rows as a JSON list (v5.0), numbers rounded to 10
 *    decimals, availability already mapped to its label;
 *  - cm4mlperf-results cm-result.json for training experiments: a JSON list with Model_ID/Result
 *    plus the table's benchmark columns (a row can carry another benchmark's value too, e.g. the
 *    unet3d column appears in every v3.0 row of that system; it is read as well).
 *
 * Systems are identified by details_url (…/<Submitter>/systems/<system>.json): its file name is
 * the result folder name (G593-SD0_mxnet), whereas the `system` column is the system_name
 * (G593-SD0). The round also comes from details_url (training_results_vX.Y), else the CM version,
 * else the file path.
 */
import { readFileOrThrow } from '../file-safety'
import Papa from 'papaparse'

import type { SkippedItem } from '../../../shared/api'
import type { TrainingResultRecord } from '../../../shared/training'
import { normaliseAvailability } from './system-info'
import {
  benchmarkAlias,
  knownBenchmarks,
  resolveRound,
  roundFromPath,
  roundFromSegment,
  TRAINING_ENERGY_UNIT
} from '../../../mlperf'

export type TrainingSummaryFormat =
  | 'summarizer-csv'
  | 'summarizer-json'
  | 'summarizer-power-csv'
  | 'summarizer-power-json'
  | 'cm-result-json'

export type TrainingSummaryResult = {
  format: TrainingSummaryFormat
  records: TrainingResultRecord[]
  skipped: SkippedItem[]
  notes: string[]
}

type Row = Record<string, unknown>

/** Columns that describe the system, never a benchmark. */
const SYSTEM_COLUMNS = new Set([
  'division',
  'availability',
  'submitter',
  'system',
  'number_of_nodes',
  'host_processor_model_name',
  'host_processors_count',
  'accelerator_model_name',
  'accelerators_count',
  'framework',
  'notes',
  'details_url',
  'code_url',
  'private_id',
  'id',
  'hash'
])

function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return null
}

function numberCell(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  const s = cell(v)
  if (s === null || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null
  return Number(s)
}

/** Benchmark key of a column: a known benchmark, or "<bench>:time_to_train" (detailed CSV). */
function benchmarkOfColumn(column: string): string | null {
  const c = column.trim()
  if (SYSTEM_COLUMNS.has(c)) return null
  const m = /^([a-z0-9_]+):time_to_train$/.exec(c)
  const name = benchmarkAlias(m ? (m[1] ?? '') : c)
  return knownBenchmarks().includes(name) ? name : null
}

function roundFromUrl(url: string | null): string | null {
  if (url === null) return null
  for (const seg of url.split('/')) {
    if (seg.toLowerCase().startsWith('training_results_')) return roundFromSegment('training', seg)
  }
  return null
}

/** systems/<id>.json file name of a details_url, without .json. */
export function systemIdFromDetailsUrl(url: string | null): string | null {
  if (url === null) return null
  const m = /\/systems\/([^/]+?)(?:\.json)?$/.exec(url.trim())
  return m ? decodeURIComponent(m[1] ?? '') : null
}

function scalarFields(row: Row): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  for (const [k, v] of Object.entries(row)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[k] = v
    }
  }
  return out
}

type RowContext = { path: string; label: string; fallbackRound: string | null }

/**
 * Records for one summary row: one per benchmark column with a value. `energy` gives the
 * power table's energy per benchmark (result_summarizer's summary_power files).
 */
function rowRecords(
  row: Row,
  columns: string[],
  ctx: RowContext,
  only: string | null = null,
  energy: Row | null = null
): TrainingResultRecord[] {
  const detailsUrl = cell(row.details_url)
  const round = roundFromUrl(detailsUrl) ?? ctx.fallbackRound ?? 'unknown'
  const resolved = resolveRound('training', round)
  const roundNote = resolved.kind === 'newer' ? [resolved.note] : []
  const systemName = cell(row.system) ?? cell(row._System)
  const systemId = systemIdFromDetailsUrl(detailsUrl) ?? systemName ?? 'unknown'
  const submitter = cell(row.submitter) ?? cell(row.Organization) ?? 'unknown'
  const out: TrainingResultRecord[] = []
  for (const column of columns) {
    const bench = benchmarkOfColumn(column)
    if (bench === null || (only !== null && bench !== only)) continue
    const value = numberCell(row[column])
    if (value === null) continue
    const energyValue = energy === null ? null : numberCell(energy[column])
    out.push({
      round,
      division: cell(row.division)?.toLowerCase() ?? 'unknown',
      category: normaliseAvailability(cell(row.availability)),
      submitter,
      systemId,
      systemName,
      accelerator: cell(row.accelerator_model_name),
      acceleratorsTotal: numberCell(row.accelerators_count),
      nodes: numberCell(row.number_of_nodes),
      framework: cell(row.framework),
      benchmark: bench,
      runs: null,
      value,
      unit: 'minutes',
      scalingFactor: null,
      ...(energyValue === null ? {} : { energyValue, energyUnit: TRAINING_ENERGY_UNIT }),
      flags: { abortedRuns: 0, rcpNormalised: false },
      valid: true,
      source: ctx.path,
      sourceKind: 'summary',
      detail: {
        system: scalarFields(row),
        runs: [],
        notes: [
          `Official value from ${ctx.label}. Run logs, scaling factor and aborted runs are not in the summary.`,
          ...roundNote
        ],
        invalidReason: null,
        target: null,
        direction: null,
        runsRequired: null,
        unscaledValue: null,
        detailsUrl
      }
    })
  }
  return out
}

/** result_summarizer summary.csv (the header may repeat). */
export function parseTrainingSummaryCsv(text: string, path: string): TrainingSummaryResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const rows = parsed.data
  const header = (rows[0] ?? []).map((h) => h.trim())
  const records: TrainingResultRecord[] = []
  const skipped: SkippedItem[] = []
  const notes: string[] = []
  const headerKey = header.join(',')
  const fallbackRound = roundFromPath('training', path)
  for (let i = 1; i < rows.length; i++) {
    const fields = (rows[i] ?? []).map((f) => f.trim())
    if (fields.join(',') === headerKey) {
      notes.push(`Row ${i + 1} repeats the header; ignored.`)
      continue
    }
    const row: Row = {}
    header.forEach((h, k) => {
      row[h] = fields[k] ?? ''
    })
    const recs = rowRecords(row, header, { path, label: `${path} row ${i + 1}`, fallbackRound })
    if (recs.length === 0) {
      skipped.push({ path: `${path}:${i + 1}`, reason: 'The row has no benchmark value.' })
    }
    records.push(...recs)
  }
  qualifySharedSystems(records, notes)
  return { format: 'summarizer-csv', records, skipped, notes }
}

/** result_summarizer summary.json: a list of row objects. */
export function parseTrainingSummaryJson(text: string, path: string): TrainingSummaryResult {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  if (!Array.isArray(data)) throw new Error(`${path}: summary.json is not a JSON list`)
  const records: TrainingResultRecord[] = []
  const skipped: SkippedItem[] = []
  const fallbackRound = roundFromPath('training', path)
  data.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      skipped.push({ path: `${path}[${i}]`, reason: 'Not an object.' })
      return
    }
    const row = entry as Row
    const recs = rowRecords(row, Object.keys(row), {
      path,
      label: `${path} entry ${i}`,
      fallbackRound
    })
    if (recs.length === 0)
      skipped.push({ path: `${path}[${i}]`, reason: 'The entry has no benchmark value.' })
    records.push(...recs)
  })
  const notes: string[] = []
  qualifySharedSystems(records, notes)
  return { format: 'summarizer-json', records, skipped, notes }
}

/** cm4mlperf-results cm-result.json of a training experiment. */
export function parseTrainingCmResult(text: string, path: string): TrainingSummaryResult {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  if (!Array.isArray(data)) throw new Error(`${path}: cm-result.json is not a JSON list`)
  const records: TrainingResultRecord[] = []
  const skipped: SkippedItem[] = []
  const notes: string[] = []
  const seen = new Map<string, number>()
  data.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      skipped.push({ path: `${path}[${i}]`, reason: 'Not an object.' })
      return
    }
    const row = entry as Row
    const version = cell(row.version) ?? cell(row._version)
    const fallbackRound =
      (version !== null ? roundFromSegment('training', `v${version.replace(/^v/i, '')}`) : null) ??
      roundFromPath('training', path)
    const recs = rowRecords(row, Object.keys(row), {
      path,
      label: `${path} entry ${i}`,
      fallbackRound
    })
    const model = cell(row.Model_ID) ?? cell(row._Model_ID)
    const result = numberCell(row.Result)
    if (
      model !== null &&
      result !== null &&
      !recs.some((r) => r.benchmark === benchmarkAlias(model))
    ) {
      notes.push(`${path} entry ${i}: Result ${result} for ${model} has no ${model} column.`)
    }
    for (const r of recs) {
      const key = `${r.round}|${r.systemId}|${r.benchmark}`
      const prev = seen.get(key)
      if (prev !== undefined) {
        if (prev !== r.value) {
          notes.push(
            `${path} entry ${i}: ${key} = ${r.value} differs from an earlier entry (${prev}); first kept.`
          )
        }
        continue
      }
      seen.set(key, r.value ?? Number.NaN)
      records.push(r)
    }
  })
  return { format: 'cm-result-json', records, skipped, notes }
}

/**
 * result_summarizer names a system by its details_url; where one system description serves
 * several systems (v4.0: smc, smc-ac-power and smc-dc-power all point at the same files), the
 * rows differ only by their system name. Those get the name in their id, so every result of
 * the table keeps a row of its own.
 */
function qualifySharedSystems(records: TrainingResultRecord[], notes: string[]): void {
  const names = new Map<string, Set<string>>()
  const keyOf = (r: TrainingResultRecord): string =>
    [r.round, r.division, r.submitter, r.systemId].join('\u0000')
  for (const r of records) {
    const set = names.get(keyOf(r)) ?? new Set<string>()
    set.add(r.systemName ?? '')
    names.set(keyOf(r), set)
  }
  const shared = new Set<string>()
  for (const r of records) {
    const key = keyOf(r)
    if ((names.get(key)?.size ?? 0) < 2) continue
    if (!shared.has(key)) {
      shared.add(key)
      notes.push(
        `${r.submitter} ${r.systemId}: ${names.get(key)?.size} systems share this system description; each is named by its system name.`
      )
    }
    r.systemId = `${r.systemId} [${r.systemName ?? ''}]`
  }
}

/**
 * result_summarizer summary_power.csv: three header lines (benchmark per column, "perf" or
 * "power" per column, then the system columns), then one row per power system with the score
 * (minutes) and the energy (Joules) of each benchmark.
 */
export function parseTrainingSummaryPowerCsv(text: string, path: string): TrainingSummaryResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [benches = [], kinds = [], system = []] = parsed.data
  const records: TrainingResultRecord[] = []
  const skipped: SkippedItem[] = []
  const notes: string[] = []
  const fallbackRound = roundFromPath('training', path)
  for (let i = 0; i < parsed.data.length - 3; i++) {
    const fields = (parsed.data[i + 3] ?? []).map((f) => f.trim())
    const perf: Row = {}
    const energy: Row = {}
    fields.forEach((f, k) => {
      const name = (system[k] ?? '').trim()
      const bench = (benches[k] ?? '').trim()
      const kind = (kinds[k] ?? '').trim()
      if (name !== '') perf[name] = f
      else if (bench !== '' && kind === 'perf') perf[bench] = f
      else if (bench !== '' && kind === 'power') energy[bench] = f
    })
    const recs = rowRecords(
      perf,
      Object.keys(perf),
      { path, label: `${path} row ${i + 4}`, fallbackRound },
      null,
      energy
    )
    if (recs.length === 0) {
      skipped.push({ path: `${path}:${i + 4}`, reason: 'The row has no benchmark value.' })
    }
    records.push(...recs)
  }
  qualifySharedSystems(records, notes)
  return { format: 'summarizer-power-csv', records, skipped, notes }
}

/**
 * result_summarizer summary_power.json: for each power system, its row of scores (minutes)
 * followed by the same row with the energies (Joules) in the benchmark columns.
 */
export function parseTrainingSummaryPowerJson(text: string, path: string): TrainingSummaryResult {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  if (!Array.isArray(data)) throw new Error(`${path}: summary_power.json is not a JSON list`)
  const records: TrainingResultRecord[] = []
  const skipped: SkippedItem[] = []
  const notes: string[] = []
  const fallbackRound = roundFromPath('training', path)
  for (let i = 0; i < data.length; i += 2) {
    const perf = data[i] as unknown
    const energy = data[i + 1] as unknown
    if (!isRow(perf) || !isRow(energy) || !sameSystem(perf, energy)) {
      skipped.push({
        path: `${path}[${i}]`,
        reason: 'Not a pair of score and energy rows for the same system.'
      })
      continue
    }
    records.push(
      ...rowRecords(
        perf,
        Object.keys(perf),
        { path, label: `${path} entry ${i}`, fallbackRound },
        null,
        energy
      )
    )
  }
  qualifySharedSystems(records, notes)
  return { format: 'summarizer-power-json', records, skipped, notes }
}

function isRow(v: unknown): v is Row {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** Two rows of a power table describe the same system (every non-benchmark field equal). */
function sameSystem(a: Row, b: Row): boolean {
  return [...SYSTEM_COLUMNS].every((c) => cell(a[c]) === cell(b[c]))
}

/**
 * Names a training summary may have: result_summarizer's summary.json, its summary.csv (also
 * renamed copies of the CSV with "summary" in the name) and cm4mlperf-results' cm-result.json.
 * Whether a file really is one is decided by its content (detectTrainingSummary).
 */
export function isTrainingSummaryFileName(path: string): boolean {
  const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase()
  if (name === 'cm-result.json' || name === 'summary.json') return true
  // result_summarizer also writes summary_power.csv / summary_power.json.
  return (name.endsWith('.csv') || name.endsWith('.json')) && name.includes('summary')
}

/** Which training summary a text is (null: not one); `path` tells the power JSON apart. */
export function detectTrainingSummary(text: string, path = ''): TrainingSummaryFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('[')) {
    let data: unknown
    try {
      data = JSON.parse(body)
    } catch {
      return null
    }
    if (!Array.isArray(data)) return null
    const first = data.find((x: unknown) => x !== null && typeof x === 'object') as Row | undefined
    if (first === undefined) return null
    const tags = cell(first.version) !== null && ('Model_ID' in first || '_Model_ID' in first)
    const isTraining =
      typeof first.details_url === 'string' && first.details_url.includes('training_results_')
    if (tags && isTraining) return 'cm-result-json'
    if ('division' in first && 'details_url' in first && 'submitter' in first) {
      const power = /(^|[\\/])summary_power[^\\/]*\.json$/i.test(path)
      return power ? 'summarizer-power-json' : 'summarizer-json'
    }
    return null
  }
  const lines = body.split(/\r\n|\n|\r/, 3)
  const isHeader = (line: string | undefined): boolean => {
    const cols = (line ?? '').split(',').map((c) => c.trim())
    return cols[0] === 'division' && cols.includes('submitter') && cols.includes('system')
  }
  if (isHeader(lines[0])) return 'summarizer-csv'
  const kinds = (lines[1] ?? '').split(',').map((c) => c.trim())
  if (isHeader(lines[2]) && kinds.includes('perf') && kinds.includes('power')) {
    return 'summarizer-power-csv'
  }
  return null
}

/** The records of a training summary text, or null when the text is not one. */
export function parseTrainingSummary(text: string, path: string): TrainingSummaryResult | null {
  switch (detectTrainingSummary(text, path)) {
    case 'summarizer-csv':
      return parseTrainingSummaryCsv(text, path)
    case 'summarizer-json':
      return parseTrainingSummaryJson(text, path)
    case 'summarizer-power-csv':
      return parseTrainingSummaryPowerCsv(text, path)
    case 'summarizer-power-json':
      return parseTrainingSummaryPowerJson(text, path)
    case 'cm-result-json':
      return parseTrainingCmResult(text, path)
    default:
      return null
  }
}

/** Read a training summary file of any of the three kinds. Throws on unknown formats. */
export async function readTrainingSummaryFile(path: string): Promise<TrainingSummaryResult> {
  const text = (await readFileOrThrow(path)).toString('utf8').replace(/^\uFEFF/, '')
  const parsed = parseTrainingSummary(text, path)
  if (parsed === null) {
    throw new Error(
      `Unknown training summary format in ${path}: expected result_summarizer summary.csv/summary.json (or their summary_power files) or a training cm-result.json`
    )
  }
  return parsed
}
