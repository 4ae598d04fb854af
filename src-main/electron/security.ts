/**
 * The Electron security checklist (electronjs.org/docs/latest/tutorial/security), the parts
 * that are wiring rather than window settings: every permission request and check denied
 * (5), navigation and redirects away from the app blocked (13), new windows denied and only
 * https links on an allowlist handed to the user's browser (14, 15), <webview> refused (11,
 * 12), and the IPC sender check that accepts the app's own origin only (17). Each function
 * takes the Electron objects it needs, so tests hand it fakes.
 */
import type { Session, WebContents } from 'electron'
import { APP_ORIGIN } from './app-protocol'

/** Hosts whose https pages may be opened in the user's browser (MLCommons and its code). */
export const EXTERNAL_HOSTS = [
  'mlcommons.org',
  'www.mlcommons.org',
  'docs.mlcommons.org',
  'github.com'
] as const

/** Whether a link may be handed to the user's browser: https, on the allowlist. */
export function isAllowedExternal(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  return (
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    (EXTERNAL_HOSTS as readonly string[]).includes(u.hostname)
  )
}

/**
 * Whether a URL is the app's own page: app://mlperf, or the dev server, which main.ts passes
 * only when the app is not packaged.
 */
export function isOwnUrl(url: string, devUrl?: string): boolean {
  let origin: string
  try {
    const u = new URL(url)
    // app:// is a standard scheme in Electron; Node's URL gives such origins as "null".
    origin = u.protocol === 'app:' ? `app://${u.host}` : u.origin
  } catch {
    return false
  }
  if (origin === APP_ORIGIN) return true
  if (devUrl === undefined) return false
  try {
    return origin === new URL(devUrl).origin
  } catch {
    return false
  }
}

/** Every permission (camera, notifications, clipboard, geolocation…) is denied: none is needed. */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** The events and handler of a WebContents this module uses (a fake has just these). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Locks a WebContents to the app: navigation and redirects elsewhere are cancelled, webviews
 * are refused, and window.open / target=_blank links never open a window; an allowed https link
 * goes to the user's browser instead.
 */
export function guardContents(
  contents: GuardedContents,
  isOwn: (url: string) => boolean,
  openExternal: (url: string) => Promise<void>
): void {
  contents.on('will-navigate', (event) => {
    if (!isOwn(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isOwn(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url).catch(() => undefined)
    return { action: 'deny' }
  })
}
