import { expect, test } from '@playwright/test';
import { login } from './helpers';

test("a rename by one user appears live in another user's top bar", async ({ page, browser }) => {
  await login(page, 'admin', { next: '/settings/workspace' });
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  try {
    await login(otherPage, 'manager');
    await expect(otherPage.getByTestId('workspace-name')).toHaveText('Demo Boarding school');

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Pesantren Al-Hikmah');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Workspace settings saved')).toBeVisible();
    await expect(page.getByTestId('workspace-name')).toHaveText('Pesantren Al-Hikmah');
    // No reload on the other side: the change arrives over /api/realtime.
    await expect(otherPage.getByTestId('workspace-name')).toHaveText('Pesantren Al-Hikmah');
  } finally {
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Demo Boarding school');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('workspace-name')).toHaveText('Demo Boarding school');
    await other.close();
  }
});

test('Settings -> Developers -> Events lists every event with its payload schema', async ({ page }) => {
  await login(page, 'agent', { next: '/settings/events' });
  await expect(page.getByRole('heading', { name: 'Events', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find an event' }).fill('deal.moved');
  // deal.updated's summary names deal.moved too: pick the entry whose type is exactly that
  const moved = page.locator('details').filter({ has: page.getByText('deal.moved', { exact: true }) });
  await expect(moved).toHaveCount(1);
  await expect(moved.getByText('A deal moved to another stage')).toBeVisible();
  await moved.locator('summary').click();
  await expect(moved.locator('pre')).toContainText('"toStage"');
});
