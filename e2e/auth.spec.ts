import { expect, test } from '@playwright/test';
import { demoEmail, loginThroughForm } from './helpers';

test('forgot password confirms without saying whether the account exists', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await page.getByLabel('Email').fill('nobody@nowhere.test');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If nobody@nowhere.test has an account');
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a reset link with a bad token explains itself', async ({ page }) => {
  await page.goto('/reset-password');
  await expect(page.getByRole('alert')).toContainText('needs the link from the reset email');
  await page.goto('/reset-password?token=not-a-real-token-123');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat the new password').fill('different');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await page.getByLabel('Repeat the new password').fill('short');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('long-enough-1');
  await page.getByLabel('Repeat the new password').fill('long-enough-1');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('alert')).toContainText('The link is invalid or has expired');
});

test('an invitation link that is not valid says so', async ({ page }) => {
  await page.goto('/accept-invite?token=not-a-real-token-123');
  await expect(page.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The link is invalid or has expired');
});

test('after signing in the user lands on the page they asked for', async ({ page }) => {
  await page.goto('/settings/api-keys');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.locator('input[name="email"]').fill(demoEmail('admin'));
  await page.locator('input[name="password"]').fill('demo1234');
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
});

test('signing in again when already signed in goes straight to the app', async ({ page }) => {
  await loginThroughForm(page, 'viewer');
  await page.goto('/login');
  await expect(page).toHaveURL(/\/$/);
});
