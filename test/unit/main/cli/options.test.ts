/**
 * The strict command-line parser (src-main/cli/options.ts) against the real option sets of
 * command-options.ts: an option of another command is refused with the command it belongs to.
 */
import { describe, expect, it } from 'vitest'
import { COMMAND_OPTIONS } from '../../../../src-main/cli/command-options'
import { commandsWithOption, parseOptions, UsageError } from '../../../../src-main/cli/options'

const parse = (
  command: keyof typeof COMMAND_OPTIONS,
  args: string[],
  positionals = 0
): ReturnType<typeof parseOptions> =>
  parseOptions(command, COMMAND_OPTIONS[command], args, positionals)

describe('parseOptions', () => {
  it('reads strings, repeated options, flags and --name=value', () => {
    const p = parse('results', [
      '--db',
      'x.db',
      '--where',
      'a=1',
      '--where=b=2',
      '--footnote',
      '--sort',
      '-value'
    ])
    expect(p.values).toEqual({
      db: 'x.db',
      where: ['a=1', 'b=2'],
      footnote: true,
      sort: '-value'
    })
    expect(p.positionals).toEqual([])
    expect(p.help).toBe(false)
  })

  it('names the command an unknown option belongs to', () => {
    expect(() => parse('results', ['--thresholds', '5', '--port', '99'])).toThrow(
      new UsageError('unknown option --thresholds (--thresholds is an option of ttmt)')
    )
    expect(() => parse('results', ['--port', '99'])).toThrow(
      'unknown option --port (--port is an option of serve)'
    )
    expect(() => parse('ttmt', ['--db', 'x'], Infinity)).toThrow(
      /^unknown option --db \(--db is an option of import, results, chart, run, catalogue update, serve and catalogue\)$/
    )
    expect(() => parse('results', ['--colour'])).toThrow(/^unknown option --colour$/)
    expect(() => parse('results', ['-x'])).toThrow(/^unknown option -x$/)
  })

  it('refuses a missing value, a value for a flag and arguments a command does not take', () => {
    expect(() => parse('results', ['--db'])).toThrow('--db needs a value')
    expect(() => parse('results', ['--footnote=yes'])).toThrow('--footnote takes no value')
    expect(() => parse('results', ['stray'])).toThrow('unexpected argument "stray"')
    expect(() => parse('catalogue', ['remove', 'twice'], 1)).toThrow('unexpected argument "twice"')
  })

  it('takes positionals where the command has them, and everything after --', () => {
    const p = parse('import', ['a', '--round', 'v4.1', 'b', '--', '--db'], Infinity)
    expect(p.positionals).toEqual(['a', 'b', '--db'])
    expect(p.values).toEqual({ round: 'v4.1' })
  })

  it('sees --help and -h anywhere before --, even beside an unexpected argument', () => {
    expect(parse('chart', ['--view', 'v.json', '--help']).help).toBe(true)
    expect(parse('results', ['stray', '-h']).help).toBe(true)
    expect(parse('import', ['--', '--help'], Infinity).help).toBe(false)
  })

  it('keeps the last of a repeated single-valued option, as parseArgs did', () => {
    expect(parse('results', ['--format', 'csv', '--format', 'json']).values.format).toBe('json')
  })
})

describe('commandsWithOption', () => {
  it('lists every command with the option, except the one asked about', () => {
    expect(commandsWithOption('thresholds')).toEqual(['ttmt'])
    expect(commandsWithOption('round', 'import')).toEqual(['catalogue update'])
    expect(commandsWithOption('nothing')).toEqual([])
  })
})
