import { expect, type Page } from '@playwright/test';

export type DemoRole = 'admin' | 'manager' | 'agent' | 'viewer';
export type Language = 'en' | 'id';
export const DEMO_PASSWORD = 'demo1234';

/** The seeded demo user for a role (see src/server/modules/workspaces/demo-seed.ts). */
export function demoEmail(role: DemoRole): string {
  return `${role}@demo.test`;
}

export interface LoginOptions {
  /** Where to land after signing in. */
  next?: string;
  /**
   * Interface language to start in. The demo workspace is the Indonesian school, so its users start in
   * Bahasa Indonesia; specs get English unless they ask otherwise.
   */
  language?: Language;
}

/**
 * Signs in as a demo user through the API (fast; the browser context keeps the session cookie),
 * sets the profile language, opens `next` and waits for the shell. Specs that test the sign-in form
 * itself use `loginThroughForm`.
 */
export async function login(
  page: Page,
  role: DemoRole = 'admin',
  { next = '/', language = 'en' }: LoginOptions = {},
): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { email: demoEmail(role), password: DEMO_PASSWORD } });
  expect(res.ok(), `login as ${role}: ${res.status()} ${await res.text()}`).toBe(true);
  const session = (await res.json()) as { csrfToken: string; user: { locale: Language } };
  if (session.user.locale !== language) {
    const patched = await page.request.patch('/api/auth/profile', {
      data: { locale: language },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(patched.ok()).toBe(true);
  }
  await page.goto(next);
  await expect(accountMenuButton(page)).toBeVisible();
}

/** Signs in by typing into the sign-in page (which is in English for an en-US browser). */
export async function loginThroughForm(page: Page, role: DemoRole = 'admin'): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(demoEmail(role));
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(accountMenuButton(page)).toBeVisible();
}

export function accountMenuButton(page: Page) {
  return page.getByRole('button', { name: /account menu|menu akun/i });
}

/** Signs out through the user menu. */
export async function logout(page: Page): Promise<void> {
  await accountMenuButton(page).click();
  await page.getByRole('menuitem', { name: /sign out|keluar/i }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A unique suffix for records a test creates (specs share one database). */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
