/**
 * Training system descriptions in the three shapes the rounds used:
 *
 *  - systems/<id>.json (v0.6 Google, v0.7 and later): the summarizer's fields (submitter,
 *    division, status, system_name, number_of_nodes, accelerators_per_node, …); numbers are often
 *    strings, some files have a BOM or CRLF;
 *  - v0.6 NVIDIA systems/<id>.json, which is not JSON: one `key: {"value": …, "metadata": …}` line
 *    per field, the hardware inside `entry` as a Python-dict string whose `nodes` is another
 *    Python-dict string;
 *  - v0.5 results/<system>/entry.json (division, status, hardware, framework, nodes list) plus
 *    submission.json (org, poc_email) higher up.
 *
 * Accelerators are counted as chips. TPU names give cores ("tpuv3-32" = 32 cores = 16 chips, two
 * TensorCores per v2/v3/v4 chip); the v0.5 entry.json counts TPU cores, later system files count
 * chips (corpus README, "Early rounds").
 */
import type { LogObject, LogValue } from './log-line'
import { parseLenientText } from './log-line'

export type SystemScalar = string | number | boolean | null

export type TrainingSystemInfo = {
  /** Every field as read, flattened ("entry.framework", "nodes.0.accelerator"…). */
  fields: Record<string, SystemScalar>
  source: 'systems-json' | 'v0.6-key-lines' | 'v0.5-entry-json'
  division: string | null
  submitter: string | null
  systemName: string | null
  /** Availability label as the results table prints it (see normaliseAvailability). */
  category: string | null
  accelerator: string | null
  acceleratorsPerNode: number | null
  nodes: number | null
  acceleratorsTotal: number | null
  hostProcessor: string | null
  hostProcessorsTotal: number | null
  framework: string | null
  /** hw_notes;sw_notes as the summarizer joins them. */
  notes: string | null
  /** Remarks on how counts were derived. */
  remarks: string[]
}

export class SystemInfoError extends Error {}

/** A number that may be written as a string ("16", " 8 "); null otherwise. */
export function looseNumber(v: LogValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v)) return Number(v)
  return null
}

function str(v: LogValue | undefined): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'object') return null
  const s = String(v).trim()
  return s === '' ? null : s
}

function isObject(v: LogValue | undefined): v is LogObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)
}

/**
 * The results table's availability label (result_summarizer config.yaml): onprem/available →
 * "Available on-premise", cloud → "Available cloud", preview → "Preview", research/rdi/
 * development/internal → "Research, Development, or Internal (RDI)". Unknown spellings are kept.
 */
export function normaliseAvailability(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  const s = raw.trim().toLowerCase()
  if (s === '') return null
  if (
    ['onprem', 'on-prem', 'on-premise', 'on premise', 'available', 'available on-premise'].includes(
      s
    )
  ) {
    return 'Available on-premise'
  }
  if (s === 'cloud' || s === 'available cloud' || s === 'available in cloud')
    return 'Available cloud'
  if (s === 'preview') return 'Preview'
  if (
    ['research', 'rdi', 'development', 'internal'].includes(s) ||
    s.startsWith('research, development')
  ) {
    return 'Research, Development, or Internal (RDI)'
  }
  return raw.trim()
}

/** Flatten nested objects/arrays into dotted keys with scalar values. */
function flatten(prefix: string, v: LogValue, out: Record<string, SystemScalar>): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => flatten(`${prefix}.${i}`, x, out))
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) flatten(prefix === '' ? k : `${prefix}.${k}`, x, out)
  } else {
    out[prefix] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : v
  }
}

/** Chips for a TPU name that carries a core count ("tpuv3-32", "tpu-v4-128"); null otherwise. */
export function tpuChipsFromName(name: string | null): number | null {
  if (name === null) return null
  const m = /tpu-?v([234])-(\d+)/i.exec(name)
  if (!m) return null
  return Number(m[2]) / 2
}

function fromFields(
  obj: LogObject,
  source: TrainingSystemInfo['source'],
  fields: Record<string, SystemScalar>
): TrainingSystemInfo {
  const perNode = looseNumber(obj.accelerators_per_node)
  const nodes = looseNumber(obj.number_of_nodes)
  const hostPer = looseNumber(obj.host_processors_per_node)
  const hw = str(obj.hw_notes)
  const sw = str(obj.sw_notes)
  const notes = [hw, sw].filter((x): x is string => x !== null).join(';')
  return {
    fields,
    source,
    division: str(obj.division)?.toLowerCase() ?? null,
    submitter: str(obj.submitter),
    systemName: str(obj.system_name),
    category: normaliseAvailability(str(obj.status)),
    accelerator: str(obj.accelerator_model_name),
    acceleratorsPerNode: perNode,
    nodes,
    acceleratorsTotal:
      perNode !== null && nodes !== null ? Math.trunc(perNode) * Math.trunc(nodes) : null,
    hostProcessor: str(obj.host_processor_model_name),
    hostProcessorsTotal: hostPer !== null && nodes !== null ? hostPer * nodes : null,
    framework: str(obj.framework),
    notes: notes === '' ? null : notes,
    remarks: []
  }
}

/** systems/<id>.json (modern and v0.6 Google). Throws SystemInfoError when not a JSON object. */
export function parseSystemJson(raw: string): TrainingSystemInfo {
  const body = raw.replace(/^\uFEFF/, '')
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch (e) {
    throw new SystemInfoError(`not valid JSON (${(e as Error).message})`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SystemInfoError('not a JSON object')
  }
  const obj = parsed as LogObject
  const fields: Record<string, SystemScalar> = {}
  for (const [k, v] of Object.entries(obj)) {
    fields[k] = v === null || typeof v !== 'object' ? v : JSON.stringify(v)
  }
  return fromFields(obj, 'systems-json', fields)
}

/** Parse a value that may itself be a Python-dict string (v0.6 `entry`, its `nodes`). */
function pyValue(v: LogValue | undefined): LogValue {
  if (typeof v === 'string' && /^\s*[[{(]/.test(v)) {
    try {
      return parseLenientText(v)
    } catch {
      return v
    }
  }
  return v ?? null
}

/** v0.6 NVIDIA `key: {"value": …, "metadata": …}` lines. */
export function parseV06SystemLines(raw: string): TrainingSystemInfo {
  const values: LogObject = {}
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  for (const line of lines) {
    const m = /^\s*([A-Za-z0-9_]+)\s*:\s*(\{.*\})\s*$/.exec(line)
    if (!m) continue
    let payload: LogValue
    try {
      payload = parseLenientText(m[2] ?? '')
    } catch {
      continue
    }
    const key = m[1] ?? ''
    values[key] = isObject(payload) && 'value' in payload ? (payload.value ?? null) : payload
  }
  if (Object.keys(values).length === 0) {
    throw new SystemInfoError('no "key: {value…}" lines found')
  }
  const entry = pyValue(values.entry)
  const entryObj: LogObject = isObject(entry) ? { ...entry } : {}
  const nodesRaw = pyValue(entryObj.nodes)
  const nodeList: LogObject[] = Array.isArray(nodesRaw)
    ? nodesRaw.filter(isObject)
    : isObject(nodesRaw)
      ? [nodesRaw]
      : []
  if (nodeList.length > 0) entryObj.nodes = nodeList
  const libs = pyValue(entryObj.libraries)
  if (isObject(libs)) entryObj.libraries = libs

  const fields: Record<string, SystemScalar> = {}
  for (const [k, v] of Object.entries(values)) {
    if (k === 'entry') flatten('entry', entryObj, fields)
    else flatten(k, v, fields)
  }
  const node = nodeList[0]
  const perNode = looseNumber(node?.num_accelerators)
  let nodes: number | null = null
  let total: number | null = null
  for (const n of nodeList) {
    const c = looseNumber(n.num_nodes)
    const a = looseNumber(n.num_accelerators)
    if (c !== null) nodes = (nodes ?? 0) + c
    if (c !== null && a !== null) total = (total ?? 0) + c * a
  }
  const framework = str(entryObj.framework)
  const hw = str(entryObj.notes)
  return {
    fields,
    source: 'v0.6-key-lines',
    division: str(values.division)?.toLowerCase() ?? null,
    submitter: str(values.org),
    systemName: str(values.platform) ?? str(entryObj.hardware),
    category: normaliseAvailability(str(values.status)),
    accelerator: str(node?.accelerator),
    acceleratorsPerNode: perNode,
    nodes,
    acceleratorsTotal: total,
    hostProcessor: str(node?.cpu),
    hostProcessorsTotal: null,
    framework,
    notes: hw,
    remarks: ['v0.6 system file in "key: {value}" lines; hardware read from the Python-dict entry.']
  }
}

/** systems/<id>.json of any round: JSON, or the v0.6 NVIDIA key lines. */
export function parseTrainingSystemFile(raw: string): TrainingSystemInfo {
  const body = raw.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('{')) return parseSystemJson(raw)
  return parseV06SystemLines(raw)
}

/** v0.5: results/<system>/entry.json and the submission's submission.json (may be null). */
export function parseV05Entry(entryRaw: string, submissionRaw: string | null): TrainingSystemInfo {
  let entry: unknown
  try {
    entry = JSON.parse(entryRaw.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new SystemInfoError(`entry.json is not valid JSON (${(e as Error).message})`)
  }
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new SystemInfoError('entry.json is not a JSON object')
  }
  const obj = entry as LogObject
  let submission: LogObject = {}
  if (submissionRaw !== null) {
    try {
      const s = JSON.parse(submissionRaw.replace(/^\uFEFF/, '')) as unknown
      if (s !== null && typeof s === 'object' && !Array.isArray(s)) submission = s as LogObject
    } catch {
      // A broken submission.json only loses the organisation name.
    }
  }
  const fields: Record<string, SystemScalar> = {}
  flatten('', obj, fields)
  for (const [k, v] of Object.entries(submission)) flatten(`submission.${k}`, v, fields)

  const nodeList = Array.isArray(obj.nodes) ? obj.nodes.filter(isObject) : []
  const remarks: string[] = []
  let nodes: number | null = null
  let total: number | null = null
  for (const n of nodeList) {
    const c = looseNumber(n.num_nodes)
    const a = looseNumber(n.num_accelerators)
    if (c !== null) nodes = (nodes ?? 0) + c
    if (c !== null && a !== null) total = (total ?? 0) + c * a
  }
  const accelerator = str(nodeList[0]?.accelerator)
  const chips = tpuChipsFromName(accelerator)
  if (chips !== null) {
    remarks.push(
      `v0.5 entry.json counts TPU cores (${accelerator}: ${chips * 2} cores); counted as ${chips} chips.`
    )
    total = chips
  }
  return {
    fields,
    source: 'v0.5-entry-json',
    division: str(obj.division)?.toLowerCase() ?? null,
    submitter: str(submission.org),
    systemName: str(obj.hardware),
    category: normaliseAvailability(str(obj.status)),
    accelerator,
    acceleratorsPerNode: chips !== null ? null : looseNumber(nodeList[0]?.num_accelerators),
    nodes,
    acceleratorsTotal: total,
    hostProcessor: str(nodeList[0]?.cpu),
    hostProcessorsTotal: null,
    framework: str(obj.framework),
    notes: str(obj.notes),
    remarks
  }
}
