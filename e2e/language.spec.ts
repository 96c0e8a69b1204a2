import { expect, test } from '@playwright/test';
import { login, logout } from './helpers';

test('switching to Bahasa Indonesia relabels the app and is remembered at the next sign-in', async ({ page }) => {
  await login(page, 'manager', { language: 'en' });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Contacts' })).toBeVisible();

  await page.getByRole('button', { name: 'Change language' }).click();
  await page.getByRole('menuitemradio', { name: 'Bahasa Indonesia' }).click();
  const navId = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(navId.getByRole('link', { name: 'Kontak' })).toBeVisible();
  await expect(navId.getByRole('link', { name: 'Aktivitas & Tugas' })).toBeVisible();
  await expect(navId.getByRole('link', { name: 'Pengaturan' })).toBeVisible();
  await expect(page.getByText('Bahasa diganti ke Bahasa Indonesia')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await navId.getByRole('link', { name: 'Pengaturan' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pengguna & peran' })).toBeVisible();

  // The choice is saved to the profile: a fresh sign-in (another device) starts in Indonesian.
  await logout(page);
  await page.evaluate(() => localStorage.clear());
  await page.locator('input[name="email"]').fill('manager@demo.test');
  await page.locator('input[name="password"]').fill('demo1234');
  await page.locator('form button[type="submit"]').click();
  await expect(
    page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kontak' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Ganti bahasa' }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }),
  ).toBeVisible();
});

test('the sign-in page can be read in either language before signing in', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByLabel('Kata sandi')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
