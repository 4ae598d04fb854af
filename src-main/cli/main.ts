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
import { commandHelp, fullHelp } from './help'
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

const isCommand = (name: string): name is CommandName =>
  Object.prototype.hasOwnProperty.call(COMMAND_OPTIONS, name)

/** The command an argument list names ("catalogue update" is one) and its arguments. */
function commandOf(argv: readonly string[]): { name: string; args: string[] } {
  const [first = '', second, ...rest] = argv
  if (first === 'catalogue' && second === 'update') return { name: 'catalogue update', args: rest }
  return { name: first, args: argv.slice(1) }
}

async function command(argv: string[], io: Io): Promise<number> {
  const { name, args } = commandOf(argv)
  if (name === '' || name === '--help' || name === '-h') {
    io.out(fullHelp() + '\n')
    return 0
  }
  if (!isCommand(name)) {
    io.err(`Unknown command "${name}"\n\n${fullHelp()}\n`)
    return 2
  }
  if (name === 'help') return help(args, io)
  return run(name, args, io)
}

/** `help` prints everything; `help COMMAND` that command's usage. */
function help(args: readonly string[], io: Io): number {
  const topic = args.join(' ')
  if (topic === '') {
    io.out(fullHelp() + '\n')
    return 0
  }
  if (!isCommand(topic)) {
    io.err(`help: unknown command "${topic}"\n\n${fullHelp()}\n`)
    return 2
  }
  io.out(commandHelp(topic) + '\n')
  return 0
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
