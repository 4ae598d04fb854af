/**
 * The machine a local run ran on, described the way a systems/<id>.json describes a submitted
 * system: host name, processor, cores, memory, operating system and the inference framework.
 */
import { createRequire } from 'node:module'
import { arch, cpus, hostname, platform, release, totalmem, type } from 'node:os'

export type MachineInfo = {
  hostname: string
  /** CPU model as the OS reports it, e.g. "AMD EPYC 7B13". */
  cpuModel: string
  /** Logical processors (hardware threads). */
  logicalCores: number
  memoryGiB: number
  /** e.g. "Linux 6.1.0-18-amd64 (linux x64)". */
  operatingSystem: string
  nodeVersion: string
  /** onnxruntime-node's package version, or null when it cannot be read. */
  onnxruntimeVersion: string | null
}

/** onnxruntime-node's version from its package.json (no native load on this thread). */
function onnxruntimeVersion(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const pkg = require('onnxruntime-node/package.json') as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : null
  } catch {
    return null
  }
}

let cached: MachineInfo | null = null

export function machineInfo(): MachineInfo {
  if (cached) return cached
  const list = cpus()
  cached = {
    hostname: hostname(),
    cpuModel: list[0]?.model.trim().replace(/\s+/g, ' ') || 'unknown CPU',
    logicalCores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    operatingSystem: `${type()} ${release()} (${platform()} ${arch()})`,
    nodeVersion: process.versions.node,
    onnxruntimeVersion: onnxruntimeVersion()
  }
  return cached
}
