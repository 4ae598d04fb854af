import type { Api, MethodName, Reply } from '../shared/api'
import { METHOD_NAMES } from '../shared/api'
import { INPUT_SCHEMAS } from '../shared/schemas'
import { QueryInputError } from '../core/query/column-registry'
import { describeDbError, sqliteCode } from '../core/db/db-errors'
import type { Logger } from '../core/log/logger'
import { debugLogger, stderrLogger } from '../core/log/logger'
import { ApiFailure } from './api-failure'

// The transports (bridge, electron) take a Logger without importing core.
export type { Logger } from '../core/log/logger'

/** The web mode's log (stderr), for the HTTP bridge: a server keeps every stack. */
export const serverLog: Logger = stderrLogger()

/**
 * dispatch's log when its caller names none, as the CLI's one-shot commands call it: stderr
 * with MLPERF_EXPLORER_DEBUG set, else nothing (the command prints its own one line).
 */
const commandLog: Logger = debugLogger()

const KNOWN = new Set<string>(METHOD_NAMES)

export function isMethodName(name: string): name is MethodName {
  return KNOWN.has(name)
}

/**
 * The single entry point of every transport: checks the name, validates the input with its
 * schema, calls the handler and maps every outcome to a Reply. Nothing thrown escapes, because
 * Electron would keep only an error's message. An unexpected error (a bug, a database fault)
 * reaches the client as `internal` with its message only; `log` gets its stack.
 */
export async function dispatch(
  api: Api,
  method: string,
  input: unknown,
  log: Logger = commandLog
): Promise<Reply<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown method "${method}"` } }
  }
  const parsed = INPUT_SCHEMAS[method].safeParse(input ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`
      }
    }
  }
  const [area, name] = method.split('.') as [keyof Api, string]
  const handler = (api[area] as unknown as Record<string, (i: unknown) => Promise<unknown>>)[name]
  if (!handler) {
    log.error(`${method}: no handler`)
    return { ok: false, error: { code: 'internal', message: `No handler ${method}` } }
  }
  try {
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (e instanceof ApiFailure) {
      return { ok: false, error: { code: e.code, message: e.message, details: e.details } }
    }
    if (e instanceof QueryInputError) {
      return { ok: false, error: { code: 'invalid_input', message: e.message } }
    }
    // A database fault (read-only file, full disk, lock held too long) in words, not SQLite's.
    const said = describeDbError(e)
    if (said !== null) {
      const code = sqliteCode(e) ?? ''
      const conflict = /^SQLITE_(READONLY|BUSY|LOCKED)/.test(code)
      if (!conflict) log.warn(`${method} failed: ${said}`, e)
      return { ok: false, error: { code: conflict ? 'conflict' : 'internal', message: said } }
    }
    log.error(`${method} failed unexpectedly`, e)
    return {
      ok: false,
      error: { code: 'internal', message: e instanceof Error ? e.message : String(e) }
    }
  }
}
