/**
 * The usage text: one section per command (printed by `<command> --help` and after a usage
 * error) and the whole of it for `help`. Text only: printing help loads no command.
 */
import { defaultDbPath } from '../api/shell-values'
import type { CommandName } from './command-options'

const IMPORT = `  mlperf-explorer import <path>... [--db FILE] [--round vX.Y]
      Import submission trees (inference_results_vX.Y and training_results_vX.Y clones,
      division, submitter or own folders; a folder or a single file of training result_*.txt
      logs) and official summary files (summary_results.json, summary.csv, summary.json,
      cm-result.json). --round is the round of results whose folders name none (without it,
      training rounds are decided from the logs' dates, benchmark and targets, inference rounds
      from the LoadGen seeds).`

const RESULTS = `  mlperf-explorer results [--db FILE] [--suite inference|training] [--where COLUMN=VALUE]...
                          [--search TEXT] [--sort [-]COLUMN] [--format csv|json|table]
                          [--footnote]
      The results table as the UI shows it (csv is the default). Training values are the
      official score in minutes. --footnote appends the MLPerf citation footnote to the CSV
      as trailing "# " comment lines (the header and rows are unchanged).`

const TTMT = `  mlperf-explorer ttmt <log-file-or-folder>... [--thresholds T1,T2,...] [--format csv|json]
                       [--direction higher|lower]
      Time to multiple thresholds of training runs, read from their logs (a folder means every
      result_*.txt in it): TTA and ATTMT in minutes per run and threshold. Without
      --thresholds, the default ladder for the benchmark found in the logs.`

const CHART = `  mlperf-explorer chart --view <view.json|bundle-folder> --out <file.svg|file.png> [--db FILE]
                        [--width PX] [--height PX]
      Renders a saved chart view (a report bundle's view.json) without a window: SVG, or PNG
      at twice the pixel size, with title, axis units and the citation footnote drawn in.`

export const RUN_HELP = `  mlperf-explorer run --model FILE --benchmark NAME
                      --scenario SingleStream|MultiStream|Server|Offline
                      [--mode performance|accuracy] [--dataset DIR] [--user-conf FILE]
                      [--out DIR] [--db FILE] [--min-duration MS] [--min-query-count N]
                      [--single-stream-expected-latency MS]
                      [--multi-stream-expected-latency MS] [--target-qps Q]
                      [--target-latency MS] [--samples-per-query N]
                      [--performance-sample-count N] [--batch N] [--threads N]
                      [--repetitions N] [--reference-accuracy PCT] [--quality-target 99|99.9]
      A local MLPerf run of an ONNX model with onnxruntime: writes mlperf_log_summary.txt,
      mlperf_log_detail.txt, mlperf_log_accuracy.json (and accuracy.txt in accuracy mode)
      into --out (default: a new folder under runs/ next to the database), adds the run to
      the database as your own, unverified result and prints the summary with two verdicts:
      LoadGen's for these settings, and whether the logs are submittable under MLPerf rules.
      --benchmark is the MLPerf benchmark the model stands for (mlperf.conf name, e.g.
      resnet50); without it the run does not start and a suggestion from the model's file
      name and input shape is printed. Settings come from the official mlperf.conf for the
      benchmark, then --user-conf (LoadGen's user.conf syntax), then the flags. LoadGen
      pre-generates 2 × min duration / expected latency queries for SingleStream and
      MultiStream; a run that uses them up is INVALID, so set the expected latency near the
      model's. Without --dataset the inputs are synthetic (performance mode only). Exits 1
      when the run could not be done; an INVALID result is still a finished run (exit 0).`

export const CATALOGUE_UPDATE_HELP = `  mlperf-explorer catalogue update [--db FILE] [--round vX.Y]... [--suite inference|training]
                                   [--force] [--list] [--base-url URL|default]
      Downloads the official results tables (summary_results.json, cm4mlperf-results) of the
      rounds not in the database yet, re-checks with conditional requests those downloaded
      before, and imports them. --round picks rounds (of both suites unless --suite), --force
      downloads them even when present, --list only shows the rounds and what an update would
      do. --base-url sets the source address (a mirror in the raw.githubusercontent.com
      layout; kept for later updates; "default" resets it).`

const SERVE = `  mlperf-explorer serve [--db FILE] [--port N]
      The web mode on http://127.0.0.1 (open the printed URL; it carries the access token).`

export const CATALOGUE_HELP = `  mlperf-explorer catalogue [remove|restore] [--db FILE] [--format table|csv|json]
      The published catalogue every new database gets: per suite and round, how many results
      the official table holds, how many the database holds now (bundled and your own), the
      table they come from, and whether it is complete or only part of the round. "remove"
      takes the bundled results out (they stay out until "restore").`

const HELP_HELP = `  mlperf-explorer help [COMMAND]
      This text, or one command's (as "COMMAND --help").`

function footer(): string {
  return `  --db defaults to the desktop app's database: ${defaultDbPath()}
  A new database gets the published catalogue (${'`'}catalogue${'`'} above); --no-catalogue makes
  one without it (${'`'}catalogue restore${'`'} adds it later).`
}

/** Each command's section, in the order the whole help lists them. */
export const COMMAND_HELP: Record<CommandName, string> = {
  import: IMPORT,
  results: RESULTS,
  ttmt: TTMT,
  chart: CHART,
  run: RUN_HELP,
  'catalogue update': CATALOGUE_UPDATE_HELP,
  serve: SERVE,
  catalogue: CATALOGUE_HELP,
  help: HELP_HELP
}

/** Commands whose usage ends with the --db footnote. */
const OPENS_DATABASE: readonly CommandName[] = ['import', 'results', 'chart', 'serve', 'catalogue']

/** The whole usage text (`help`). */
export function fullHelp(): string {
  const sections = Object.entries(COMMAND_HELP)
    .filter(([name]) => name !== 'help')
    .map(([, text]) => text)
  return `mlperf-explorer: MLPerf results from the command line

${sections.join('\n')}

${footer()}`
}

/** One command's usage (`<command> --help`, and after a usage error). */
export function commandHelp(command: CommandName): string {
  const text = COMMAND_HELP[command]
  return OPENS_DATABASE.includes(command) ? `${text}\n\n${footer()}` : text
}
