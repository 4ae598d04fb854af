/**
 * When each training round was published (the results table and repository went public). Runs
 * are made in the weeks before a round's submission deadline, after the previous round was
 * published, so a run's date names its round when the folder does not. Dates are UTC days:
 * the results repository's first commit where the corpus records it (v3.1–v5.1, training
 * summaries' SOURCES.txt), else MLCommons' announcement of the round. v6.0's date is not known
 * to this version and v6.1 was in progress in the spec snapshot: runs after v5.1 are then told
 * apart by the benchmark set alone.
 */

export type TrainingRoundDate = { round: string; published: string | null }

export const TRAINING_CALENDAR: readonly TrainingRoundDate[] = [
  { round: 'v0.5', published: '2018-12-12' },
  { round: 'v0.6', published: '2019-07-10' },
  { round: 'v0.7', published: '2020-07-29' },
  { round: 'v1.0', published: '2021-06-30' },
  { round: 'v1.1', published: '2021-12-01' },
  { round: 'v2.0', published: '2022-06-29' },
  { round: 'v2.1', published: '2022-11-09' },
  { round: 'v3.0', published: '2023-06-27' },
  { round: 'v3.1', published: '2023-11-07' },
  { round: 'v4.0', published: '2024-06-11' },
  { round: 'v4.1', published: '2024-11-13' },
  { round: 'v5.0', published: '2025-05-30' },
  { round: 'v5.1', published: '2025-11-05' },
  { round: 'v6.0', published: null },
  { round: 'v6.1', published: null }
]

const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`)

/**
 * The rounds a run made at `epochMs` can belong to: those published after it whose previous
 * known publication came before it. Usually one round; more where a publication date is
 * unknown.
 */
export function trainingRoundsAt(epochMs: number): string[] {
  const out: string[] = []
  let start = Number.NEGATIVE_INFINITY
  for (const { round, published } of TRAINING_CALENDAR) {
    const end = published === null ? Number.POSITIVE_INFINITY : dayMs(published)
    if (epochMs >= start && epochMs < end) out.push(round)
    if (published !== null) start = dayMs(published)
  }
  return out
}
