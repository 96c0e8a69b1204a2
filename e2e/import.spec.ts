import { expect, test } from '@playwright/test';
import { login, unique } from './helpers';

/** Phone numbers no other spec uses: 0812 9 + 7 random digits. */
function phone(): string {
  return `0812-9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

const shot = (name: string) =>
  process.env.E2E_SCREENSHOTS ? { path: `/tmp/import-${name}.png`, fullPage: true } : undefined;

test('import wizard: upload, preview, mapping, duplicates, check, run with progress, result, undo', async ({
  page,
}) => {
  const tag = unique('Impor');
  const [a, b] = [`Sari ${tag}`, `Tono ${tag}`];
  const csv = `\uFEFFNama Lengkap;No. HP;Email;Kota;Catatan\n${a};${phone()};sari.${tag}@example.id;Bandung;-\n${b};${phone()};;Jakarta;pindahan\nSalah ${tag};12345;;;\n`;
  await login(page, 'admin', { next: '/imports/new' });
  await expect(page.getByRole('heading', { name: 'Import data' })).toBeVisible();
  if (shot('1-upload')) await page.screenshot(shot('1-upload'));

  await page
    .getByTestId('import-file')
    .setInputFiles({ name: `${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(`First rows of ${tag}.csv`)).toBeVisible();
  await expect(page.getByText(/separated by ";"/)).toBeVisible();
  await expect(page.getByRole('cell', { name: a })).toBeVisible();
  if (shot('2-preview')) await page.screenshot(shot('2-preview'));
  await page.getByRole('button', { name: 'Next' }).click();

  // suggested from Indonesian headers; the notes column is left out by hand
  await expect(page.getByRole('combobox', { name: 'Field: Nama Lengkap' })).toHaveValue('fullName');
  await expect(page.getByRole('combobox', { name: 'Field: No. HP' })).toHaveValue('phone');
  await expect(page.getByRole('combobox', { name: 'Field: Kota' })).toHaveValue('address.city');
  await page.getByRole('combobox', { name: 'Field: Catatan' }).selectOption('');
  if (shot('3-mapping')) {
    await page.screenshot(shot('3-mapping'));
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot(shot('3-mapping-phone'));
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByText('Update it', { exact: true }).click();
  if (shot('4-duplicates')) await page.screenshot(shot('4-duplicates'));
  await page.getByRole('button', { name: 'Check the file' }).click();

  // the dry run reports per row and column before anything is written
  await expect(page.getByRole('cell', { name: /"12345" is not a valid phone number/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('.ie-stat').filter({ hasText: 'will be added' })).toContainText('2');
  await expect(page.locator('.ie-stat').filter({ hasText: 'have problems' })).toContainText('1');
  if (shot('5-check')) await page.screenshot(shot('5-check'));
  await page.getByRole('button', { name: 'Import 2 rows' }).click();

  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ie-stat').filter({ hasText: 'Added' })).toContainText('2');
  await expect(page.locator('.ie-stat').filter({ hasText: 'Failed' })).toContainText('1');
  const failedRows = page.getByRole('link', { name: 'Download failed rows' });
  await expect(failedRows).toHaveAttribute('href', /\/api\/imports\/.+\/failed-rows$/);
  const csvText = await (await page.request.get((await failedRows.getAttribute('href'))!)).text();
  expect(csvText).toContain('is not a valid phone number');
  if (shot('6-result')) await page.screenshot(shot('6-result'));

  // the contacts are there
  const found = await page.request.get(`/api/contacts/search?q=${encodeURIComponent(tag)}`);
  expect((await found.json()).items.map((c: { fullName: string }) => c.fullName).sort()).toEqual([a, b]);

  await page.getByRole('button', { name: 'Undo import' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByRole('heading', { name: 'The import was undone' })).toBeVisible({ timeout: 30_000 });
  const after = await page.request.get(`/api/contacts/search?q=${encodeURIComponent(tag)}`);
  expect((await after.json()).items).toEqual([]);

  await page.getByRole('link', { name: 'Import history' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${tag}\\.csv`) })).toContainText('Undone');
  if (shot('7-history')) await page.screenshot(shot('7-history'));
});

test('export dialog from the contacts list: columns, progress, download', async ({ page }) => {
  await login(page, 'manager', { next: '/contacts' });
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Export contacts')).toBeVisible();
  // managers may not export phone numbers in bulk
  await expect(dialog.getByRole('checkbox', { name: 'Phone' })).toBeDisabled();
  await expect(dialog.getByText(/needs the "Export phone numbers" permission/)).toBeVisible();
  await dialog.getByRole('button', { name: 'None' }).click();
  await dialog.getByRole('checkbox', { name: 'First name' }).check();
  await dialog.getByRole('checkbox', { name: 'Email' }).check();
  if (shot('8-export')) await page.screenshot(shot('8-export'));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(/Your file is ready/)).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  if (shot('9-export-ready')) await page.screenshot(shot('9-export-ready'));
});
