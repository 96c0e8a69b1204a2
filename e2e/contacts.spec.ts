import { expect, test, type Page } from '@playwright/test';
import { login, unique } from './helpers';

/** Creates a contact through the API with the page's session (for setting up a scenario quickly). */
async function apiCreateContact(page: Page, body: Record<string, unknown>): Promise<{ id: string; fullName: string }> {
  const session = await (await page.request.get('/api/auth/session')).json();
  const res = await page.request.post('/api/contacts', { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `/tmp/contacts-${name}.png`, fullPage: false });
}

test('creating a contact warns about a likely duplicate before saving', async ({ page }) => {
  await login(page, 'admin', { next: '/contacts' });
  const existing = await apiCreateContact(page, {
    firstName: unique('Bambang'),
    lastName: 'Susanto',
    phones: [{ number: '+62 813 9000 1122' }],
  });
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByRole('radio', { name: 'Orang tua calon siswa' }).check();
  await dialog.getByLabel('First name').fill('Pak Bambang');
  await dialog.getByLabel('Phone 1').fill('0813-9000-1122');
  const warning = dialog.getByRole('alert').filter({ hasText: 'This may already be in your contacts' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: existing.fullName })).toBeVisible();
  await expect(warning.getByText('Same phone')).toBeVisible();
  await shot(page, 'duplicate-warning');

  // a bad second number is refused with a message on that field, and nothing is saved
  await dialog.getByRole('button', { name: 'Add phone' }).click();
  await dialog.getByLabel('Phone 2').fill('12345');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await expect(dialog.getByText(/is not a valid phone number/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove phone' }).last().click();

  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByText(/Pak Bambang saved — it looks like 1 existing contact/)).toBeVisible();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /Pak Bambang/ })).toBeVisible();
  await expect(page.getByText(/\+62 813.9000.1122/)).toBeVisible();
});

test('merges two contacts from the duplicates view, then undoes it', async ({ page }) => {
  await login(page, 'manager', { next: '/contacts' });
  const last = unique('Kusuma');
  const a = await apiCreateContact(page, {
    firstName: 'Indah',
    lastName: last,
    phones: [{ number: '+62 857 4000 7766' }],
    emails: [{ email: `${last.toLowerCase()}@mail.id` }],
  });
  const b = await apiCreateContact(page, {
    firstName: 'Indah',
    lastName: `${last}h`,
    team: 'Admissions',
    phones: [{ number: '0857-4000-7766' }, { number: '0811 7000 1234' }],
  });
  await page.goto('/contacts/duplicates');
  const pair = page.locator('.dup-card').filter({ hasText: a.fullName }).filter({ hasText: b.fullName });
  await expect(pair).toBeVisible();
  await expect(pair.getByText('Same phone')).toBeVisible();
  await pair.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge contacts' });
  await expect(dialog.getByText('Admissions')).toBeVisible();
  await dialog
    .getByRole('radio', { name: new RegExp(a.fullName) })
    .first()
    .check();
  await shot(page, 'merge-dialog');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByText(`Merged into ${a.fullName}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/contacts/${a.id}$`));
  // both numbers are on the survivor; the team came from the merged record (the survivor had none)
  await expect(page.getByText(/\+62 811.7000.1234/)).toBeVisible();
  await expect(page.getByText('Admissions')).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'merged 1 contact into this one' });
  await expect(banner).toBeVisible();
  await shot(page, 'merged');
  await banner.getByRole('button', { name: 'Undo merge' }).click();
  await expect(page.getByText('Merge undone', { exact: true })).toBeVisible(); // the toast (the timeline says "contact merge undone")
  await expect(banner).toBeHidden();
  await page.goto(`/contacts/${b.id}`);
  await expect(page.getByRole('heading', { name: new RegExp(b.fullName) })).toBeVisible();
  await expect(page.getByText('This contact was merged into another record.')).toBeHidden();
});

test('filters the list, saves the view and opens it again', async ({ page }) => {
  await login(page, 'admin', { next: '/contacts' });
  const marker = unique('Alumni');
  await apiCreateContact(page, {
    firstName: 'Hartono',
    lastName: marker,
    typeKey: 'alumni_parent',
    sourceKey: 'alumni',
  });
  await expect(page.getByRole('table', { name: 'Contacts' }).getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('button', { name: 'Filters' }).click();
  const drawer = page.getByRole('dialog', { name: 'Filter contacts' });
  await drawer.getByRole('checkbox', { name: 'Orang tua alumni' }).check();
  await drawer.getByRole('button', { name: 'Add a condition' }).click();
  await drawer.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Last name' });
  await drawer.getByRole('textbox', { name: 'Value' }).fill(marker.slice(0, 12));
  await drawer.getByRole('button', { name: 'Apply filters' }).click();

  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(page.getByText('Type: Orang tua alumni')).toBeVisible();
  await expect(table.getByRole('link', { name: `Hartono ${marker}` })).toBeVisible();
  await expect(table.locator('tbody tr.table-row')).toHaveCount(1);
  await shot(page, 'filtered');

  const viewName = unique('Alumni view');
  await page.getByRole('button', { name: 'Save view' }).click();
  const save = page.getByRole('dialog', { name: 'Save this view' });
  await save.getByLabel('Name').fill(viewName);
  await save.getByRole('checkbox', { name: 'Share with the workspace' }).check();
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText(`View “${viewName}” saved`)).toBeVisible();

  // a fresh page starts unfiltered; the saved view brings the filters back
  await page.reload();
  await expect(page.getByText('Type: Orang tua alumni')).toBeHidden();
  await page.getByRole('button', { name: 'All contacts' }).click();
  await page.getByRole('menuitemradio', { name: viewName }).click();
  await expect(page.getByText('Type: Orang tua alumni')).toBeVisible();
  await expect(table.locator('tbody tr.table-row')).toHaveCount(1);

  // keyboard: "/" jumps to the search box, which finds contacts as you type
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Search contacts' })).toBeFocused();
  await page.keyboard.type(marker.slice(0, 10));
  await expect(page.getByRole('option', { name: new RegExp(`Hartono ${marker}`) })).toBeVisible();
});
