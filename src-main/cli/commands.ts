/**
 * The command table: for each command its option set (command-options.ts), how many other
 * arguments it takes, and its handler, loaded with import() only when the command runs, so
 * `--help` and a usage error load no database, no chart renderer and no runtime.
 */
import type { CommandName, CommandValues } from './command-options'

export type Io = { out: (s: string) => void; err: (s: string) => void }

export type CommandInput<C extends CommandName> = {
  values: CommandValues<C>
  positionals: string[]
}

export type Handler<C extends CommandName> = (input: CommandInput<C>, io: Io) => Promise<number>

export type Command<C extends CommandName> = {
  /** Most arguments that are not options (Infinity: a list of paths). */
  positionals: number
  load: () => Promise<Handler<C>>
}

export const COMMANDS: { [C in Exclude<CommandName, 'help'>]: Command<C> } = {
  import: { positionals: Infinity, load: async () => (await import('./import-cmd')).importCmd },
  results: { positionals: 0, load: async () => (await import('./results-cmd')).resultsCmd },
  ttmt: { positionals: Infinity, load: async () => (await import('./ttmt-cmd')).ttmtCmd },
  chart: { positionals: 0, load: async () => (await import('./chart-cmd')).chartCmd },
  run: { positionals: 0, load: async () => (await import('./run-cmd')).runCmd },
  'catalogue update': {
    positionals: 0,
    load: async () => (await import('./catalogue-update-cmd')).catalogueUpdateCmd
  },
  serve: { positionals: 0, load: async () => (await import('./serve-cmd')).serveCmd },
  catalogue: { positionals: 1, load: async () => (await import('./catalogue-cmd')).catalogueCmd }
}
