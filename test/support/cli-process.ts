/** The CLI as a user runs it (node + tsx, bin.js), for tests that need separate processes. */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')

export type CliRun = {
  child: ChildProcess
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, [join(root, 'src-main', 'cli', 'bin.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env }
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  const done = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    out: string
    err: string
  }>((ok) => child.on('close', (code, signal) => ok({ code, signal, out, err })))
  return { child, done }
}

export async function runCli(
  args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  return startCli(args).done
}
