/**
 * Reader for `systems/<system_desc_id>.json`. Real files carry a UTF-8 BOM or CRLF line ends,
 * numbers written as strings ("128"), `system_type` "datacenter,edge", status spellings from
 * several eras ("on-premise", "Preview"), and extra power or network fields. We keep every field
 * for the detail panel and derive the few normalised columns the table needs.
 */

export type SystemFieldValue = string | number | boolean | null

export type SystemDescription = {
  /** Every top-level field: scalars as read, objects/arrays JSON-stringified. */
  fields: Record<string, SystemFieldValue>
  division: string | null
  submitter: string | null
  systemName: string | null
  /** Availability, lower case; "on-premise"/"onprem" mapped to "available" as the report does. */
  category: string | null
  /** datacenter | edge | datacenter,edge (normalised spacing/case); null when absent (v0.5). */
  systemType: string | null
  acceleratorsPerNode: number | null
  nodes: number | null
  accelerator: string | null
  hostProcessor: string | null
  hostProcessorsPerNode: number | null
  hostProcessorCoreCount: string | null
  framework: string | null
  operatingSystem: string | null
}

export class SystemDescriptionError extends Error {}

/** Parse a number that may be written as a string ("128", " 8 "); null otherwise. */
export function looseNumber(v: SystemFieldValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string') {
    const t = v.trim()
    if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t)
  }
  return null
}

function text(v: SystemFieldValue | undefined): string | null {
  if (v === null || v === undefined) return null
  const s = String(v).trim()
  return s === '' ? null : s
}

/** Normalise the availability status as the final report does. */
export function normaliseStatus(status: string | null): string | null {
  if (status === null) return null
  const s = status.trim().toLowerCase()
  if (s === 'on-premise' || s === 'onprem' || s === 'on premise') return 'available'
  return s === '' ? null : s
}

/** "Datacenter, Edge" → "datacenter,edge". */
export function normaliseSystemType(t: string | null): string | null {
  if (t === null) return null
  const s = t
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x !== '')
    .join(',')
  return s === '' ? null : s
}

/** Parse the text of a system description file. Throws SystemDescriptionError when unreadable. */
export function parseSystemDescription(raw: string): SystemDescription {
  const body = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch (e) {
    throw new SystemDescriptionError(`not valid JSON (${(e as Error).message})`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SystemDescriptionError('not a JSON object')
  }
  const fields: Record<string, SystemFieldValue> = {}
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      fields[k] = v
    } else {
      fields[k] = JSON.stringify(v)
    }
  }
  const f = (k: string): SystemFieldValue | undefined => fields[k]
  return {
    fields,
    division: text(f('division'))?.toLowerCase() ?? null,
    submitter: text(f('submitter')),
    systemName: text(f('system_name')),
    category: normaliseStatus(text(f('status'))),
    systemType: normaliseSystemType(text(f('system_type'))),
    acceleratorsPerNode: looseNumber(f('accelerators_per_node')),
    nodes: looseNumber(f('number_of_nodes')),
    accelerator: text(f('accelerator_model_name')),
    hostProcessor: text(f('host_processor_model_name')),
    hostProcessorsPerNode: looseNumber(f('host_processors_per_node')),
    hostProcessorCoreCount: text(f('host_processor_core_count')),
    framework: text(f('framework')),
    operatingSystem: text(f('operating_system'))
  }
}
