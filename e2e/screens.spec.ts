import { test } from '@playwright/test';
import { login } from './helpers';

// Screenshots of the main screens for a person to look at, not assertions:
// `E2E_SCREENSHOTS=1 npx playwright test e2e/screens.spec.ts`, then open /tmp/crm-screen-*.png.
test.skip(!process.env.E2E_SCREENSHOTS, 'set E2E_SCREENSHOTS=1 to capture screens');
test('capture screens', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.goto('/login');
  await page.screenshot({ path: '/tmp/crm-screen-login.png' });
  await login(page, 'admin');
  await page.screenshot({ path: '/tmp/crm-screen-dashboard.png' });
  for (const path of ['/contacts', '/settings/workspace', '/settings/users', '/settings/api-keys', '/settings/audit']) {
    await page.goto(path);
    await page.locator('#main h1').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/crm-screen-${path.replace(/\//g, '-').slice(1)}.png` });
  }
  await page.locator('tbody tr.table-row').nth(1).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/crm-screen-audit-expanded.png' });

  await page.goto('/settings/users');
  await page.getByRole('button', { name: 'Invite people' }).first().click();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/crm-screen-invite-dialog.png' });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /Workspace:/ }).click();
  await page.screenshot({ path: '/tmp/crm-screen-workspace-menu.png' });
  await page.getByRole('menuitem', { name: 'Create workspace…' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/crm-screen-create-workspace.png' });
});

test('capture screens in Bahasa Indonesia', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, 'manager', { language: 'id', next: '/settings/users' });
  await page.locator('#main h1').first().waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/crm-screen-id-users.png' });
  await page.goto('/campaigns');
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/crm-screen-id-campaigns.png' });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/crm-screen-id-mobile-menu.png' });
  await page.keyboard.press('Escape');
  await login(page, 'manager', { language: 'en' });
});
