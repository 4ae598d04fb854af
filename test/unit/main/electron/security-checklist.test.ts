/**
 * Issue 13, point 7: the Electron security checklist (electronjs.org/docs/latest/tutorial/
 * security, 20 items), each checked on the app's own main-process wiring. The Electron binary
 * cannot be downloaded here, so src-main/electron/main.ts runs against a recording stand-in for
 * the `electron` module (test/support/fake-electron.ts): every setting, handler and URL below is
 * what the real main process passes to Electron. What this cannot show (Electron honouring
 * them) is listed in the report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../../src-main/shared/content-security-policy'
import type { FakeWebContents } from '../../../support/fake-electron'
import { navEvent } from '../../../support/fake-electron'

const fake = await vi.hoisted(async () =>
  (await import('../../../support/fake-electron')).createFakeElectron()
)
vi.mock('electron', () => fake.electron)

const root = join(import.meta.dirname, '..', '..', '..', '..')
const home = mkdtempSync(join(tmpdir(), 'mlx-electron-'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
  build: Record<string, unknown>
}

type Prefs = Record<string, unknown>
let prefs: Prefs
let contents: FakeWebContents

beforeAll(async () => {
  process.env.MLPERF_EXPLORER_HOME = home
  delete process.env.ELECTRON_RENDERER_URL
  await import('../../../../src-main/electron/main')
  // Before "ready": only the scheme registration may have happened.
  expect(fake.log).toEqual(['registerSchemesAsPrivileged'])
  fake.ready()
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 })
  prefs = fake.windows[0]!.options['webPreferences'] as Prefs
  // What Electron does for every WebContents it creates, the window's included.
  contents = fake.windows[0]!.webContents
  fake.electron.app.emit('web-contents-created', {}, contents)
}, 60_000)

afterAll(async () => {
  fake.electron.app.emit('window-all-closed')
  await vi.waitFor(() => expect(fake.log).toContain('quit'), { timeout: 30_000 })
  rmSync(home, { recursive: true, force: true })
})

async function invoke(frameUrl: string, parent: unknown = null): Promise<{ ok: boolean }> {
  const handler = fake.ipcHandlers.get('api:invoke')!
  return (await handler({ senderFrame: { url: frameUrl, parent } }, 'app.info', {})) as {
    ok: boolean
  }
}

describe('Electron security checklist, 20 items', () => {
  it('1. only secure content: the window loads app://mlperf/index.html, nothing over http', () => {
    expect(fake.windows[0]!.loaded).toEqual(['app://mlperf/index.html'])
  })

  it('2. no Node.js integration for the page, its workers or frames', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false
    })
  })

  it('3. context isolation', () => expect(prefs['contextIsolation']).toBe(true))

  it('4. process sandboxing', () => expect(prefs['sandbox']).toBe(true))

  it('5. permission requests and checks are denied', () => {
    let granted: boolean | null = null
    fake.permission.request!(contents, 'media', (ok) => (granted = ok))
    expect(granted).toBe(false)
    expect(fake.permission.check!(contents, 'notifications', 'app://mlperf', {})).toBe(false)
  })

  it('6. webSecurity is not disabled', () => expect(prefs['webSecurity']).toBe(true))

  it('7. a strict CSP: as a header on app:// responses, the same text as the page meta tag', async () => {
    const res = await fake.protocolHandlers.get('app')!({ url: 'app://mlperf/index.html' })
    const header = res.headers.get('content-security-policy') ?? ''
    expect(header.startsWith(CONTENT_SECURITY_POLICY)).toBe(true)
    expect(header).toMatch(/object-src 'none'.*frame-ancestors 'none'/)
    const html = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
  })

  it('8. no insecure content', () => expect(prefs['allowRunningInsecureContent']).toBe(false))

  it('9. no experimental features', () => expect(prefs['experimentalFeatures']).toBe(false))

  it('10. no enableBlinkFeatures', () => expect(prefs).not.toHaveProperty('enableBlinkFeatures'))

  it('11. no <webview> (so no allowpopups)', () => expect(prefs['webviewTag']).toBe(false))

  it('12. a <webview> about to be attached is refused', () => {
    const e = navEvent('')
    contents.emit('will-attach-webview', e, {}, { src: 'https://evil.example' })
    expect(e.prevented).toBe(true)
  })

  it('13. navigation and redirects away from the app are blocked', () => {
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/x',
      'http://127.0.0.1:4173/'
    ]) {
      for (const event of ['will-navigate', 'will-redirect']) {
        const e = navEvent(url)
        contents.emit(event, e)
        expect(e.prevented, `${event} ${url}`).toBe(true)
      }
    }
    const own = navEvent('app://mlperf/index.html#/charts')
    contents.emit('will-navigate', own)
    expect(own.prevented).toBe(false)
  })

  it('14. new windows are denied', () => {
    expect(contents.openHandler!({ url: 'https://mlcommons.org/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'app://mlperf/index.html' })).toEqual({ action: 'deny' })
  })

  it('15. openExternal only for https links on the allowlist', () => {
    const before = fake.opened.length
    for (const url of [
      'http://mlcommons.org/',
      'file:///etc/passwd',
      'smb://host/share',
      'https://evil.example/',
      'https://mlcommons.org.evil.example/',
      'https://user:pw@github.com/',
      'javascript:alert(1)'
    ])
      contents.openHandler!({ url })
    expect(fake.opened.slice(before)).toEqual([])
    contents.openHandler!({ url: 'https://github.com/mlcommons/inference_results_v4.1' })
    expect(fake.opened.slice(before)).toEqual([
      'https://github.com/mlcommons/inference_results_v4.1'
    ])
  })

  it('16. a current Electron (45 or newer; the newest three majors are supported upstream)', () => {
    const major = Number(/(\d+)/.exec(pkg.devDependencies['electron'] ?? '')?.[1])
    expect(major).toBeGreaterThanOrEqual(45)
  })

  it('17. the IPC sender is checked: the top frame of app://mlperf only', async () => {
    expect((await invoke('app://mlperf/index.html')).ok).toBe(true)
    for (const url of [
      'file:///home/u/evil.html',
      'https://evil.example/',
      'app://other/',
      'http://localhost:5173/'
    ]) {
      expect((await invoke(url)).ok, url).toBe(false)
    }
    // A frame inside the app's page is not the app.
    expect((await invoke('app://mlperf/index.html', { url: 'app://mlperf/' })).ok).toBe(false)
  })

  it('18. a custom protocol instead of file://: registered before ready, served from the renderer folder only', async () => {
    expect(fake.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
      }
    ])
    expect(fake.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.log.indexOf('ready'))
    const serve = fake.protocolHandlers.get('app')!
    for (const url of [
      'app://mlperf/../../../../etc/passwd',
      'app://mlperf/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://mlperf/..%2f..%2f..%2fetc%2fpasswd',
      'app://other/index.html'
    ]) {
      const r = await serve({ url })
      expect(r.status, url).toBeGreaterThanOrEqual(400)
      expect(await r.text()).not.toMatch(/root:.*:0:0:/)
    }
    expect((await serve({ url: 'app://mlperf/%E0%A4%A' })).status).toBe(400)
  })

  it('19. fuses: RunAsNode, NODE_OPTIONS and --inspect off, cookie encryption, asar integrity and asar-only loading on', () => {
    expect(pkg.build['electronFuses']).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('20. no Electron API reaches the page: a preload in a sandbox, one hand-picked object', () => {
    expect(prefs['preload']).toMatch(/preload[/\\]index\.cjs$/)
    const preload = readFileSync(join(root, 'src-preload', 'index.ts'), 'utf8')
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })
})

describe('the dev server', () => {
  it('is trusted only by an app that is not packaged', async () => {
    const { isOwnUrl } = await import('../../../../src-main/electron/security')
    expect(isOwnUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isOwnUrl('http://localhost:5173/', undefined)).toBe(false)
    const main = readFileSync(join(root, 'src-main', 'electron', 'main.ts'), 'utf8')
    expect(main).toMatch(
      /const devUrl = app\.isPackaged \? undefined : process\.env\.ELECTRON_RENDERER_URL/
    )
  })
})

describe('the desktop log (issue 14, point 6)', () => {
  it('is a file in <userData>/logs: the start and an unhandled rejection with its stack', () => {
    const file = join(home, 'logs', 'main.log')
    const lost = new Error('nobody awaited this')
    process.emit('unhandledRejection', lost, Promise.resolve())
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^\S+Z INFO MLPerf Explorer 0\.0\.0-test starting\n/)
    expect(text).toMatch(
      /\n\S+Z ERROR Unhandled rejection in the main process\n {2}Error: nobody awaited this\n {2}\s*at /
    )
  })
})
