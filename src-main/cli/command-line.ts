/**
 * Which command an argument list names, and the answer when all it asks for is usage text.
 * It loads the option table and the help text only, so the launcher (bin.js) can answer
 * `--help` from a small prebuilt bundle of this module without starting the TypeScript loader.
 */
import type { CommandName } from './command-options'
import { COMMAND_OPTIONS } from './command-options'
import { commandHelp, fullHelp } from './help'

/** What to print and the exit code. */
export type HelpAnswer = { readonly out?: string; readonly err?: string; readonly code: number }

/** A command to run with its arguments. */
export type RunRequest = { readonly run: Exclude<CommandName, 'help'>; readonly args: string[] }

const isCommand = (name: string): name is CommandName =>
  Object.prototype.hasOwnProperty.call(COMMAND_OPTIONS, name)

/** The command an argument list names ("catalogue update" is one) and its arguments. */
function commandOf(argv: readonly string[]): { name: string; args: string[] } {
  const [first = '', second, ...rest] = argv
  if (first === 'catalogue' && second === 'update') return { name: 'catalogue update', args: rest }
  return { name: first, args: argv.slice(1) }
}

const isHelpFlag = (arg: string | undefined): boolean => arg === '--help' || arg === '-h'

/**
 * The answer to an argument list that asks only for usage text (nothing, `--help`, `help
 * [COMMAND]`, `COMMAND --help`) or names no command; otherwise the command to run (its own
 * option parser then handles a `--help` among other options).
 */
export function readCommandLine(argv: readonly string[]): HelpAnswer | RunRequest {
  const { name, args } = commandOf(argv)
  if (name === '' || isHelpFlag(name)) return { out: fullHelp() + '\n', code: 0 }
  if (!isCommand(name)) return { err: `Unknown command "${name}"\n\n${fullHelp()}\n`, code: 2 }
  if (name === 'help') return helpTopic(args.join(' '))
  if (args.length === 1 && isHelpFlag(args[0])) return { out: commandHelp(name) + '\n', code: 0 }
  return { run: name, args }
}

/** `help` prints everything; `help COMMAND` that command's usage. */
function helpTopic(topic: string): HelpAnswer {
  if (topic === '') return { out: fullHelp() + '\n', code: 0 }
  if (!isCommand(topic)) {
    return { err: `help: unknown command "${topic}"\n\n${fullHelp()}\n`, code: 2 }
  }
  return { out: commandHelp(topic) + '\n', code: 0 }
}
