import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { login, unique } from './helpers';

/** The CSRF token of the session in this request context. */
async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

async function createContact(page: Page, firstName: string): Promise<string> {
  const res = await page.request.post('/api/contacts', {
    data: { firstName, lastName: 'Wulandari' },
    headers: { 'x-csrf-token': await csrf(page.request) },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (
    ((await res.json()) as { contact?: { id: string }; id?: string }).contact?.id ??
    ((await res.json()) as { id: string }).id
  );
}

test('log a call from the contact page and see it on the timeline', async ({ page }) => {
  await login(page, 'agent');
  const name = unique('Ratna');
  const contactId = await createContact(page, name);
  await page.goto(`/contacts/${contactId}`);
  const timeline = page.locator('.act-timeline-card');
  // a new contact's stream starts with its creation
  await expect(timeline.locator('.act-timeline-entry').first()).toContainText('Contact created');

  await timeline.getByRole('button', { name: 'Call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Log Phone Call' });
  await dialog.getByLabel('Title').fill('Asked about the 2027 intake');
  await dialog.getByLabel('Outcome').selectOption('follow_up_required');
  await dialog.getByLabel('Duration (minutes)').fill('12');
  await dialog.getByLabel('Notes').fill('Mother prefers WhatsApp in the evening.');
  await dialog.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('Activity logged')).toBeVisible();

  const entry = timeline.locator('.act-timeline-entry').first();
  await expect(entry).toContainText('Phone Call');
  await expect(entry).toContainText('Asked about the 2027 intake');
  await expect(entry).toContainText('Follow-up required');
  await expect(entry).toContainText('12 minutes');
  await expect(entry).toContainText('Mother prefers WhatsApp in the evening.');
  await page.screenshot({ path: '/tmp/activities-contact-timeline.png', fullPage: true });

  // the activity list has it too
  await page.goto('/activities');
  await expect(page.getByRole('row', { name: /Asked about the 2027 intake/ })).toBeVisible();
});

test('a notification arrives live in the top bar', async ({ page, playwright, baseURL }) => {
  await login(page, 'agent', { next: '/activities/tasks' });
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toBeVisible();
  const before = Number(
    (await page
      .getByTestId('unread-count')
      .textContent({ timeout: 1000 })
      .catch(() => '0')) || 0,
  );

  // the manager assigns the agent a task from another session
  const manager = await playwright.request.newContext({ baseURL });
  try {
    await manager.post('/api/auth/login', { data: { email: 'manager@demo.test', password: 'demo1234' } });
    const users = (await (await manager.get('/api/users')).json()) as { items: Array<{ id: string; email: string }> };
    const agentId = users.items.find((u) => u.email === 'agent@demo.test')!.id;
    const title = unique('Call the Siregar family');
    const res = await manager.post('/api/tasks', {
      data: { title, assigneeId: agentId, priority: 'high' },
      headers: { 'x-csrf-token': await csrf(manager) },
    });
    expect(res.ok(), await res.text()).toBe(true);

    // no reload: the toast, the count and the list arrive over the realtime stream
    await expect(page.getByText(`Budi Manager assigned you a task: ${title}`).first()).toBeVisible();
    await expect(page.getByTestId('unread-count')).toHaveText(String(before + 1));
    await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();

    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await expect(panel.getByText(`Budi Manager assigned you a task: ${title}`)).toBeVisible();
    await page.screenshot({ path: '/tmp/activities-notifications.png' });
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByTestId('unread-count')).toHaveCount(0);
  } finally {
    await manager.dispose();
  }
});

test('tasks page views and calendar render', async ({ page }) => {
  await login(page, 'manager', { next: '/activities/tasks?view=by_assignee' });
  await expect(page.getByRole('tab', { name: 'By assignee' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/activities-tasks-by-assignee.png' });
  await page.getByRole('tab', { name: 'All' }).click();
  await page.screenshot({ path: '/tmp/activities-tasks.png' });
  await page.goto('/activities/calendar');
  await expect(page.getByRole('grid')).toBeVisible();
  await page.screenshot({ path: '/tmp/activities-calendar.png', fullPage: true });
  await page.goto('/activities');
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({ path: '/tmp/activities-list.png' });
  await page.goto('/settings/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await page.screenshot({ path: '/tmp/activities-notification-settings.png', fullPage: true });
});

test('admins manage activity types; the phone layout keeps the timeline usable', async ({ page }) => {
  await login(page, 'admin', { next: '/settings/activity-types' });
  await expect(page.getByRole('row', { name: /Phone Call/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/activities-types-settings.png' });
  await page.setViewportSize({ width: 375, height: 800 });
  const contacts = (await (await page.request.get('/api/contacts?limit=1')).json()) as { items: Array<{ id: string }> };
  await page.goto(`/contacts/${contacts.items[0].id}`);
  await expect(page.locator('.act-timeline-card')).toBeVisible();
  await page.locator('.act-timeline-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/activities-mobile.png' });
});
