import { expect, test } from '@playwright/test';
import { login } from './helpers';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test('on a phone the sidebar is a drawer behind the menu button', async ({ page }) => {
  await login(page, 'admin');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('link', { name: 'Pipelines' }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/\/pipelines/);
  await expect(page.locator('#main h1').first()).toBeVisible();

  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await page.getByRole('button', { name: 'Open menu' }).click();
  await drawer.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Users & roles' }).click();
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/crm-mobile-settings.png' });
});

test('on a phone the dashboard and sign-in page fit the screen', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await login(page, 'agent');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Citra');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/crm-mobile-dashboard.png' });
});

test('on a phone every settings page fits the screen width', async ({ page }) => {
  await login(page, 'admin');
  for (const path of ['/settings/workspace', '/settings/users', '/settings/api-keys', '/settings/audit']) {
    await page.goto(path);
    await expect(page.locator('.settings-content h2').first()).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      path,
    ).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(() => {
        const m = document.getElementById('main')!;
        return m.scrollWidth - m.clientWidth;
      }),
      path,
    ).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: '/tmp/crm-mobile-audit.png' });
});
