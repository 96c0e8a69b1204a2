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
