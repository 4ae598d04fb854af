/**
 * The logger port: where the app writes what went wrong (and the little it says otherwise).
 * The CLI and the web mode write to stderr, the desktop app to a rotating file in its data
 * folder (electron/main.ts), tests to nothing or to a recording fake.
 */
export type LogLevel = 'info' | 'warn' | 'error'

export interface Logger {
  info(message: string): void
  warn(message: string, error?: unknown): void
  /** An error with its stack: a Reply keeps only the message, the log keeps the rest. */
  error(message: string, error?: unknown): void
}

/** The text of a thrown value: an Error's stack (which starts with its message), its cause too. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const own = error.stack ?? `${error.name}: ${error.message}`
    return error.cause === undefined ? own : `${own}\nCaused by: ${describeThrown(error.cause)}`
  }
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/**
 * One entry as text: "<ISO time> <LEVEL> <message>", then the error's stack (if any) indented
 * below it, ending in a newline. Multi-line messages stay one entry (continuation lines are
 * indented), so a log can be split into entries at every unindented line.
 */
export function formatEntry(level: LogLevel, message: string, error: unknown, now: Date): string {
  const lines = [`${now.toISOString()} ${level.toUpperCase()} ${message}`]
  if (error !== undefined) lines.push(describeThrown(error))
  const [first, ...rest] = lines.join('\n').split('\n')
  return [first, ...rest.map((l) => `  ${l}`)].join('\n') + '\n'
}

/** A Logger that hands each formatted entry to `write`. */
export function textLogger(write: (entry: string) => void, now = (): Date => new Date()): Logger {
  const log = (level: LogLevel, message: string, error?: unknown): void => {
    // A log that cannot be written must not turn into a second failure.
    try {
      write(formatEntry(level, message, error, now()))
    } catch {
      /* nothing better to do */
    }
  }
  return {
    info: (message) => log('info', message),
    warn: (message, error) => log('warn', message, error),
    error: (message, error) => log('error', message, error)
  }
}

/** The CLI's and the web mode's log: stderr, which stdout (CSV, JSON) never mixes with. */
export function stderrLogger(now?: () => Date): Logger {
  return textLogger((entry) => process.stderr.write(entry), now)
}

/**
 * stderr while MLPERF_EXPLORER_DEBUG is set, nothing otherwise: the CLI's one-shot commands
 * report a failure as one line of their own (cli/main.ts) and show a stack only when asked.
 */
export function debugLogger(env: NodeJS.ProcessEnv = process.env, inner = stderrLogger()): Logger {
  const on = (): boolean => Boolean(env.MLPERF_EXPLORER_DEBUG)
  return {
    info: (message) => {
      if (on()) inner.info(message)
    },
    warn: (message, error) => {
      if (on()) inner.warn(message, error)
    },
    error: (message, error) => {
      if (on()) inner.error(message, error)
    }
  }
}

/** A logger that drops everything: for tests that provoke errors on purpose. */
export const nullLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
}
