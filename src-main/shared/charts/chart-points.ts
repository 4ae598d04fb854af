/**
 * The compact, columnar form in which chart data crosses the wire: one array per numeric field
 * and dictionary-encoded text (each distinct string once, rows hold an index). 50,000 results
 * take a fraction of the bytes of 50,000 row objects, and decoding is one pass.
 */

/** Text fields of a chart point (dictionary-encoded on the wire). */
export const TEXT_FIELDS = [
  'round',
  'division',
  'category',
  'submitter',
  'systemId',
  'systemName',
  'accelerator',
  'benchmark',
  'usedModel',
  'scenario',
  'unit',
  'metric',
  'powerUnit',
  'sourceKind',
  'publicId'
] as const

export type TextField = (typeof TEXT_FIELDS)[number]

/** A dictionary-encoded column: `codes[i]` indexes `dict`; -1 is null. */
export type TextColumn = { dict: string[]; codes: number[] }

export type ChartPoints = {
  length: number
  id: number[]
  value: (number | null)[]
  powerValue: (number | null)[]
  acceleratorsTotal: (number | null)[]
  /** 1 = LoadGen (or the official table) says valid. */
  valid: number[]
  /** 1 = derived from another scenario's run (edge systems), as the checker marks it. */
  inferred: number[]
  text: Record<TextField, TextColumn>
}

/**
 * One result as the chart builders read it. `benchmark` is the MLPerf model name (the checker's
 * mapping: resnet50 → resnet), `usedModel` the folder name as submitted. Training rows have no
 * scenario and are in minutes.
 */
export type ChartRow = {
  id: number
  round: string
  division: string
  category: string | null
  submitter: string
  systemId: string
  systemName: string | null
  accelerator: string | null
  acceleratorsTotal: number | null
  benchmark: string
  usedModel: string | null
  scenario: string | null
  unit: string
  metric: string | null
  value: number | null
  powerValue: number | null
  powerUnit: string | null
  valid: boolean
  inferred: boolean
  /** tree | summary (published results) or local (the user's own, unverified runs). */
  sourceKind: string
  publicId: string | null
}

/** Builds the columnar form from rows (the SQL side and tests use it). */
export function encodePoints(rows: readonly ChartRow[]): ChartPoints {
  const text = Object.fromEntries(
    TEXT_FIELDS.map((f): [TextField, TextColumn] => [f, { dict: [], codes: [] }])
  ) as Record<TextField, TextColumn>
  const lookups = new Map<TextField, Map<string, number>>(TEXT_FIELDS.map((f) => [f, new Map()]))
  const points: ChartPoints = {
    length: rows.length,
    id: [],
    value: [],
    powerValue: [],
    acceleratorsTotal: [],
    valid: [],
    inferred: [],
    text
  }
  for (const r of rows) {
    points.id.push(r.id)
    points.value.push(r.value)
    points.powerValue.push(r.powerValue)
    points.acceleratorsTotal.push(r.acceleratorsTotal)
    points.valid.push(r.valid ? 1 : 0)
    points.inferred.push(r.inferred ? 1 : 0)
    for (const f of TEXT_FIELDS) {
      pushText(text[f], lookups.get(f) as Map<string, number>, r[f] ?? null)
    }
  }
  return points
}

/**
 * Appends one value to a dictionary-encoded text column: its code, adding it to the dictionary
 * the first time (`lookup` maps value → code); null is -1.
 */
export function pushText(col: TextColumn, lookup: Map<string, number>, v: string | null): void {
  if (v === null) {
    col.codes.push(-1)
    return
  }
  let code = lookup.get(v)
  if (code === undefined) {
    code = col.dict.length
    col.dict.push(v)
    lookup.set(v, code)
  }
  col.codes.push(code)
}

function textAt(points: ChartPoints, field: TextField, i: number): string | null {
  const col = points.text[field]
  const code = col.codes[i] ?? -1
  return code < 0 ? null : (col.dict[code] ?? null)
}

/** The inverse of encodePoints: row objects for the builders. */
export function decodePoints(points: ChartPoints): ChartRow[] {
  const rows: ChartRow[] = new Array<ChartRow>(points.length)
  for (let i = 0; i < points.length; i++) {
    rows[i] = {
      id: points.id[i] ?? 0,
      round: textAt(points, 'round', i) ?? '',
      division: textAt(points, 'division', i) ?? '',
      category: textAt(points, 'category', i),
      submitter: textAt(points, 'submitter', i) ?? '',
      systemId: textAt(points, 'systemId', i) ?? '',
      systemName: textAt(points, 'systemName', i),
      accelerator: textAt(points, 'accelerator', i),
      acceleratorsTotal: points.acceleratorsTotal[i] ?? null,
      benchmark: textAt(points, 'benchmark', i) ?? '',
      usedModel: textAt(points, 'usedModel', i),
      scenario: textAt(points, 'scenario', i),
      unit: textAt(points, 'unit', i) ?? '',
      metric: textAt(points, 'metric', i),
      value: points.value[i] ?? null,
      powerValue: points.powerValue[i] ?? null,
      powerUnit: textAt(points, 'powerUnit', i),
      valid: points.valid[i] === 1,
      inferred: points.inferred[i] === 1,
      sourceKind: textAt(points, 'sourceKind', i) ?? '',
      publicId: textAt(points, 'publicId', i)
    }
  }
  return rows
}

/** The user's own runs: never published, always shown as unverified. */
export function isLocal(row: Pick<ChartRow, 'sourceKind'>): boolean {
  return row.sourceKind === 'local'
}
