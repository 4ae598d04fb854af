/**
 * The CLI, a shell of the API: finds the command in the table (commands.ts), checks the
 * command line against its option set (options.ts), and only then loads and runs the command's
 * handler, which talks to the app through `dispatch`.
 */
import { describeDbError } from '../api/shell-values'
import type { CommandName } from './command-options'
import { COMMAND_OPTIONS } from './command-options'
import type { Io } from './commands'
import { COMMANDS } from './commands'
import { commandHelp } from './help'
import { readCommandLine } from './command-line'
import { parseOptions, UsageError } from './options'

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s)
}

/**
 * Runs one CLI invocation; returns the exit code. Whatever goes wrong (a database that cannot
 * be opened, a full disk, a bug) ends as one line on stderr and exit code 1, never a stack
 * trace (MLPERF_EXPLORER_DEBUG=1 adds it).
 */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  try {
    return await command(argv, io)
  } catch (e) {
    io.err(`${errorLine(argv[0], e)}\n`)
    if (process.env.MLPERF_EXPLORER_DEBUG && e instanceof Error && e.stack) io.err(e.stack + '\n')
    return 1
  }
}

/** "import: <what went wrong>", in words for database faults. */
export function errorLine(cmd: string | undefined, e: unknown): string {
  const said = describeDbError(e) ?? (e instanceof Error ? e.message : String(e))
  return `${cmd ? `${cmd}: ` : ''}${said.replace(/\s*\n\s*/g, ' ')}`
}

async function command(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine(argv)
  if ('run' in line) return run(line.run, line.args, io)
  if (line.out !== undefined) io.out(line.out)
  if (line.err !== undefined) io.err(line.err)
  return line.code
}

async function run<C extends Exclude<CommandName, 'help'>>(
  name: C,
  args: readonly string[],
  io: Io
): Promise<number> {
  const entry = COMMANDS[name]
  let parsed
  try {
    parsed = parseOptions(name, COMMAND_OPTIONS[name], args, entry.positionals)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.err(`${name}: ${e.message}\n\n${commandHelp(name)}\n`)
    return 2
  }
  if (parsed.help) {
    io.out(commandHelp(name) + '\n')
    return 0
  }
  const handler = await entry.load()
  return handler({ values: parsed.values, positionals: parsed.positionals }, io)
}
