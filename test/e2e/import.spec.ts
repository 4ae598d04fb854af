import { join, resolve } from 'node:path'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'
import { ImportDialog } from './pages/import-dialog'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots')
const tree = resolve(import.meta.dirname, '..', 'fixtures', 'inference-tree')

test.describe('Import', () => {
  test('imports a submission tree through the dialog and reports the broken result', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const dialog = new ImportDialog(page)
    await dialog.open()

    // Web mode has no native picker, so the in-app folder browser is shown.
    await expect(dialog.dialog.getByRole('list', { name: 'Folder contents' })).toBeVisible()
    await dialog.queuePath(tree)
    await dialog.start()
    await dialog.waitForReport()

    await expect(dialog.report).toContainText('Finished')
    const written =
      (await dialog.countOf('imported')) +
      (await dialog.countOf('updated')) +
      (await dialog.countOf('unchanged'))
    expect(written).toBe(2)
    expect(await dialog.countOf('skipped')).toBe(1)
    const skipped = dialog.report.getByTestId('skipped-list')
    await expect(skipped).toContainText('bert-99/Offline')
    await expect(skipped).toContainText('truncated')
    await page.screenshot({ path: join(shots, 'import-report.png') })

    // Closing the report refreshes the table: the new rows can be found at once.
    await dialog.done()
    await explorer.searchFor('Acme')
    await expect.poll(() => explorer.total()).toBe(2)
    await explorer.waitForRows()
    expect(await explorer.columnValues('submitter')).toEqual(['Acme', 'Acme'])
    expect(new Set(await explorer.columnValues('scenario'))).toEqual(
      new Set(['Offline', 'SingleStream'])
    )
    await expect(explorer.facetValue('Round', 'v4.1')).toBeVisible()

    // The Offline result at full precision with its unit, and its system description.
    await explorer.facetValue('Scenario', 'Offline').click()
    await expect.poll(() => explorer.total()).toBe(1)
    await explorer.row(0).click()
    await expect(explorer.detail.getByTestId('detail-value')).toContainText('12,345.6')
    await expect(explorer.detail.getByTestId('detail-value')).toContainText('Samples/s')
    await expect(explorer.detail.getByTestId('system-fields')).toContainText(
      'Acme X1 Inference Server (4x AX-100)'
    )
    await expect(explorer.detail.getByTestId('validity-checks')).toContainText('LoadGen verdict')

    // The import is listed with its report under Imports.
    await page.getByRole('link', { name: 'Imports' }).click()
    const history = page.getByRole('table', { name: 'Past imports' })
    const row = history.getByRole('row').filter({ hasText: tree }).first()
    await expect(row).toBeVisible()
    await row.getByRole('button', { name: 'Report' }).click()
    await expect(history.getByTestId('skipped-list').first()).toContainText('truncated')
  })

  test('the in-app folder browser navigates and queues a folder', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const dialog = new ImportDialog(page)
    await dialog.open()
    const listing = dialog.dialog.getByRole('list', { name: 'Folder contents' })
    await expect(listing).toBeVisible()

    // Walk from the file system root down to the fixture, one folder at a time.
    await dialog.dialog
      .getByRole('navigation')
      .getByRole('button', { name: '/', exact: true })
      .click()
    const parts = tree.split('/').filter((p) => p !== '')
    for (const part of parts.slice(0, -1)) {
      await listing.getByRole('button', { name: `Open ${part}`, exact: true }).click()
      await expect(dialog.dialog.getByRole('navigation')).toContainText(part)
    }
    const last = parts[parts.length - 1] ?? ''
    await listing
      .getByRole('listitem')
      .filter({ hasText: `${last}/` })
      .getByRole('button')
      .first()
      .click()
    await dialog.dialog.getByRole('button', { name: 'Add selected' }).click()
    await expect(dialog.dialog.getByRole('list', { name: 'Paths to import' })).toContainText(tree)

    // Up goes to the parent folder.
    await dialog.dialog.getByRole('button', { name: 'Parent folder' }).click()
    await expect(dialog.dialog.getByRole('navigation')).not.toContainText('fixtures')

    await dialog.dialog.getByRole('button', { name: 'Remove ' + tree }).click()
    await expect(dialog.dialog.getByRole('button', { name: 'Start import' })).toBeDisabled()
    await page.keyboard.press('Escape')
    await expect(dialog.dialog).toBeHidden()
  })

  test('dropping files in the web mode explains that drag and drop needs the desktop app', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const data = await page.evaluateHandle(() => {
      const dt = new DataTransfer()
      dt.items.add(new File(['x'], 'mlperf_log_summary.txt', { type: 'text/plain' }))
      return dt
    })
    await page.dispatchEvent('main', 'dragover', { dataTransfer: data })
    await page.dispatchEvent('main', 'drop', { dataTransfer: data })
    await expect(page.getByRole('status').filter({ hasText: 'Drag and drop' })).toContainText(
      'Drag and drop needs the desktop app'
    )
    await expect(page.getByRole('dialog')).toBeVisible()
  })

  test('an import of a path that does not exist reports why', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const dialog = new ImportDialog(page)
    await dialog.open()
    await dialog.queuePath('/definitely/not/here')
    // The path is checked when it is added: the reason shows at once and nothing can start.
    await expect(dialog.dialog.getByRole('alert')).toHaveText('Not found: no such file or folder.')
    await expect(dialog.dialog.getByRole('button', { name: 'Start import' })).toBeDisabled()
  })

  test('the Round field names the round of results whose folders name none', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const dialog = new ImportDialog(page)
    await dialog.open()
    await dialog.queuePath(tree)
    const round = dialog.dialog.getByLabel('Round', { exact: true })
    await expect(round).toHaveAttribute('placeholder', 'from the folders and logs')

    // A round no rules fit is refused before anything is read.
    await round.fill('v1.5')
    await dialog.start()
    await expect(dialog.dialog.getByRole('alert')).toContainText(
      'v1.5 is not an MLPerf Inference or Training round'
    )

    await round.fill('v4.1')
    await page.screenshot({ path: join(shots, 'import-round-field.png') })
    await dialog.start()
    await dialog.waitForReport()
    await expect(dialog.report).toContainText('Finished')
    await dialog.done()

    // The fixture tree names no round: the rows say which round the import gave them.
    await explorer.searchFor('Acme')
    await explorer.facetValue('Scenario', 'Offline').click()
    await expect.poll(() => explorer.total()).toBe(1)
    await explorer.row(0).click()
    await expect(explorer.detail).toContainText(
      'Round v4.1 set for this import (the path names no round).'
    )
    await page.screenshot({ path: join(shots, 'import-round-note.png') })
  })
})
