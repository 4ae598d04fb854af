import { getContext, setContext } from 'svelte'
import type { Api } from '../../../src-main/shared/api'
import type { ApiEventSource } from './client'

/** What the shell can do beyond the API: only Electron can turn a dropped File into a path. */
export type Platform = {
  pathForFile: ((file: File) => string) | null
}

const API_KEY = Symbol('mlperf.api')
const EVENTS_KEY = Symbol('mlperf.events')
const PLATFORM_KEY = Symbol('mlperf.platform')

/** Context entries for `mount(App, { context })`. */
export function apiContext(
  api: Api,
  events: ApiEventSource,
  platform: Platform
): Map<symbol, unknown> {
  return new Map<symbol, unknown>([
    [API_KEY, api],
    [EVENTS_KEY, events],
    [PLATFORM_KEY, platform]
  ])
}

export function setApi(api: Api, events: ApiEventSource, platform: Platform): void {
  setContext(API_KEY, api)
  setContext(EVENTS_KEY, events)
  setContext(PLATFORM_KEY, platform)
}

function required<T>(key: symbol, what: string): T {
  const value = getContext<T | undefined>(key)
  if (value === undefined) throw new Error(`${what} is not set; mount the app through main.ts`)
  return value
}

export function getApi(): Api {
  return required<Api>(API_KEY, 'API client')
}

export function getEvents(): ApiEventSource {
  return required<ApiEventSource>(EVENTS_KEY, 'API event source')
}

export function getPlatform(): Platform {
  return required<Platform>(PLATFORM_KEY, 'Platform')
}
