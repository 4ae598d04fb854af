/**
 * The strict command-line parser: every option must be one of the command's (command-options.ts);
 * an unknown one is a usage error naming the commands it does belong to, so
 * `results --thresholds 5` says "--thresholds is an option of ttmt" instead of being ignored.
 */
import type { OptionSet, OptionValues } from './command-options'
import { COMMAND_NAMES, COMMAND_OPTIONS } from './command-options'

/** A command line that does not fit the command: exit 2 with the command's usage. */
export class UsageError extends Error {}

export type Parsed<S extends OptionSet> = {
  values: OptionValues<S>
  positionals: string[]
  /** --help or -h was given (anywhere before `--`). */
  help: boolean
}

/** The commands (other than `command`) that have an option, for the unknown-option message. */
export function commandsWithOption(name: string, except?: string): string[] {
  return COMMAND_NAMES.filter(
    (c) => c !== except && Object.prototype.hasOwnProperty.call(COMMAND_OPTIONS[c], name)
  )
}

function unknownOption(command: string, name: string): UsageError {
  const owners = commandsWithOption(name, command)
  const where =
    owners.length === 0
      ? ''
      : ` (--${name} is an option of ${owners.length === 1 ? owners[0] : `${owners.slice(0, -1).join(', ')} and ${owners.at(-1)}`})`
  return new UsageError(`unknown option --${name}${where}`)
}

/**
 * Parses `args` against `options`: `--name value`, `--name=value`, `--flag`, `-h`/`--help`,
 * `--` ends the options. A string option takes the next argument whatever it starts with
 * (`--sort -value`). `maxPositionals` bounds the arguments that are not options.
 */
export function parseOptions<S extends OptionSet>(
  command: string,
  options: S,
  args: readonly string[],
  maxPositionals = 0
): Parsed<S> {
  const values: Record<string, string | string[] | boolean> = {}
  const positionals: string[] = []
  let help = false
  const shorts = new Map(
    Object.entries(options)
      .filter(([, o]) => o.short !== undefined)
      .map(([n, o]) => [o.short, n])
  )
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    let name: string
    let inline: string | undefined
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq)
      inline = eq < 0 ? undefined : arg.slice(eq + 1)
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      const long = shorts.get(arg.slice(1))
      if (long === undefined) throw new UsageError(`unknown option ${arg}`)
      name = long
    } else {
      positionals.push(arg)
      continue
    }
    const spec = Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined
    if (spec === undefined) throw unknownOption(command, name)
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`)
      values[name] = true
      continue
    }
    let value = inline
    if (value === undefined) {
      if (i + 1 >= args.length) throw new UsageError(`--${name} needs a value`)
      value = args[++i] ?? ''
    }
    if (spec.multiple) {
      const prev = values[name]
      values[name] = [...(Array.isArray(prev) ? prev : []), value]
    } else {
      // As node's parseArgs: the last of a repeated option wins.
      values[name] = value
    }
  }
  if (!help && positionals.length > maxPositionals) {
    const extra = positionals[maxPositionals] ?? ''
    throw new UsageError(`unexpected argument "${extra}"`)
  }
  return { values: values as OptionValues<S>, positionals, help }
}
