import { expect, test } from '@playwright/test';
import { login, unique } from './helpers';

test('an admin invites a user, sees field errors first, then the invitation in the list', async ({ page }) => {
  await login(page, 'admin', { next: '/settings/users' });
  await expect(page.getByRole('heading', { name: 'Users & roles' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Members' }).getByRole('row')).toHaveCount(5);

  const inviteButton = page.getByRole('button', { name: 'Invite people' }).first();
  await inviteButton.click();
  const dialog = page.getByRole('dialog', { name: 'Invite someone' });
  await expect(dialog.getByLabel('Email address')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(inviteButton).toBeFocused();
  await inviteButton.press('Enter');
  await dialog.getByLabel('Email address').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByText('Enter a valid email address')).toBeVisible();
  await expect(dialog.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');

  const email = `${unique('guru')}@school.test`;
  await dialog.getByLabel('Email address').fill(email);
  await dialog.getByLabel('Role').selectOption('manager');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  const row = page.getByRole('table', { name: 'Invitations' }).getByRole('row', { name: new RegExp(email) });
  await expect(row).toContainText('Manager');
  await expect(row).toContainText('Pending');

  // Inviting the same address again while it is open is refused with a message on the field.
  await page.getByRole('button', { name: 'Invite people' }).first().click();
  await dialog.getByLabel('Email address').fill('viewer@demo.test');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByRole('alert').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an admin creates an API key, sees it once, and revokes it', async ({ page }) => {
  await login(page, 'admin', { next: '/settings/api-keys' });
  await expect(page.getByRole('heading', { name: 'API keys', level: 2, exact: true })).toBeVisible();
  const name = unique('Student app sync');
  await page.getByRole('button', { name: 'Create API key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create an API key' });
  await dialog.getByRole('button', { name: 'Create API key' }).click();
  await expect(dialog.getByText('Name the key after what uses it')).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create API key' }).click();

  const shown = page.getByRole('dialog', { name: 'Your new API key' });
  const key = await shown.getByTestId('new-api-key').inputValue();
  expect(key).toMatch(/^crm_[A-Za-z0-9]+_/);
  await expect(shown.getByText('This is the only time the key is shown')).toBeVisible();
  await shown.getByRole('button', { name: 'I have stored the key' }).click();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);
  const prefix = key.split('_')[1];
  await expect(row).toContainText(`crm_${prefix}_…`);
  // the key acts for the admin who made it
  await expect(row.getByRole('cell', { name: 'Ayu Admin' })).toBeVisible();

  // The key works against the API until it is revoked.
  expect((await page.request.get('/api/workspace', { headers: { authorization: `Bearer ${key}` } })).status()).toBe(
    200,
  );
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Revoke ${name}?` })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await expect(row).toContainText('Revoked');
  expect((await page.request.get('/api/workspace', { headers: { authorization: `Bearer ${key}` } })).status()).toBe(
    401,
  );
});

test('workspace settings show server field errors and save', async ({ page }) => {
  await login(page, 'admin', { next: '/settings/workspace' });
  const timezone = page.getByLabel('Time zone');
  await timezone.fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Unknown time zone')).toBeVisible();
  await timezone.fill('Asia/Jakarta');
  await page.getByLabel('Keep the audit log for (days)').fill('400');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Workspace settings saved')).toBeVisible();
  await expect(page.getByLabel('Keep the audit log for (days)')).toHaveValue('400');
});

test('the audit log lists changes, filters by action and expands a row to its before/after', async ({ page }) => {
  await login(page, 'admin', { next: '/settings/workspace' });
  await page.getByLabel('Keep the audit log for (days)').fill('366');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Workspace settings saved')).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table', { name: 'Audit log' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('search').getByLabel('Action').fill('workspace.updated');
  await expect(table.locator('tbody tr.table-row').first()).toContainText('workspace.updated');
  await expect(table.locator('tbody tr.table-row', { hasNotText: 'workspace.updated' })).toHaveCount(0);

  // More entries than one page (50): "Load more" appends the next page.
  const session = await (await page.request.get('/api/auth/session')).json();
  for (let i = 0; i < 51; i++) {
    await page.request.patch('/api/auth/profile', {
      data: { name: 'Ayu Admin' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
  }
  await page.getByRole('search').getByLabel('Action').fill('user.profile_updated');
  await expect(page.getByText(/^Showing 50 of \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByText(/^Showing (\d+) of \1$/)).toBeVisible();

  await page.getByRole('search').getByLabel('Action').fill('workspace.updated');
  await expect(table.locator('tbody tr.table-row').first()).toContainText('workspace.updated');
  await expect(table.locator('tbody tr.table-row', { hasNotText: 'workspace.updated' })).toHaveCount(0);

  const first = table.locator('tbody tr.table-row').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(table.getByText('auditRetentionDays').first()).toBeVisible();
  await expect(table.getByText('366').first()).toBeVisible();
});

test('a viewer sees settings read-only and no admin-only sections', async ({ page }) => {
  await login(page, 'viewer', { next: '/settings' });
  await expect(page).toHaveURL(/\/settings\/workspace/);
  await expect(page.getByRole('note')).toContainText('settings.manage');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
  await expect(page.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Users & roles' }).click();
  await expect(page.getByRole('button', { name: 'Invite people' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Roles and permissions' })).toBeVisible();
});

test('a deactivated member is no longer offered as an owner, without reloading the page', async ({ page }) => {
  await login(page, 'admin', { next: '/contacts' });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const ownerOptions = async () => {
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    const options = dialog.getByRole('combobox', { name: 'Owner' }).locator('option');
    await expect(options.filter({ hasText: 'Ayu Admin' })).toHaveCount(1);
    const names = await options.allTextContents();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    return names;
  };
  try {
    // The owner picker has loaded (and cached) the members.
    expect(await ownerOptions()).toContain('Dewi Viewer');

    await nav.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Users & roles' }).click();
    const dewi = page.getByRole('table', { name: 'Members' }).getByRole('row', { name: /Dewi Viewer/ });
    await dewi.getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('dialog', { name: 'Deactivate Dewi Viewer?' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await expect(dewi).toContainText('Deactivated');

    // Same page load, the members list shared: the picker offers active members only.
    await nav.getByRole('link', { name: 'Contacts', exact: true }).click();
    expect(await ownerOptions()).not.toContain('Dewi Viewer');
  } finally {
    const session = await (await page.request.get('/api/auth/session')).json();
    const list = await (await page.request.get('/api/users')).json();
    const viewer = list.items.find((m: { email: string }) => m.email === 'viewer@demo.test');
    await page.request.patch(`/api/users/${viewer.id}`, {
      data: { isActive: true },
      headers: { 'x-csrf-token': session.csrfToken },
    });
  }
});

test("an admin changes a member's role and deactivates then reactivates them", async ({ page }) => {
  await login(page, 'admin', { next: '/settings/users' });
  const members = page.getByRole('table', { name: 'Members' });
  const dewi = members.getByRole('row', { name: /Dewi Viewer/ });
  try {
    await dewi.getByRole('combobox', { name: 'Role of Dewi Viewer' }).selectOption('agent');
    await expect(page.getByText('Dewi Viewer is now Agent')).toBeVisible();

    await dewi.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Dewi Viewer?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dewi).toContainText('Deactivated');
    const denied = await page.request.post('/api/auth/login', {
      data: { email: 'viewer@demo.test', password: 'demo1234' },
    });
    expect(denied.status()).toBe(403);

    await dewi.getByRole('button', { name: 'Reactivate' }).click();
    await expect(dewi).toContainText('Active');
    // The last admin cannot demote themself: the server refuses and the toast says why.
    await members
      .getByRole('row', { name: /Ayu Admin/ })
      .getByRole('combobox')
      .selectOption('viewer');
    await expect(page.getByText('A workspace needs at least one active admin')).toBeVisible();
  } finally {
    const session = await (await page.request.get('/api/auth/session')).json();
    const list = await (await page.request.get('/api/users')).json();
    const viewer = list.items.find((m: { email: string }) => m.email === 'viewer@demo.test');
    await page.request.patch(`/api/users/${viewer.id}`, {
      data: { role: 'viewer', isActive: true },
      headers: { 'x-csrf-token': session.csrfToken },
    });
  }
});
