import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { login, unique } from './helpers';

interface Stage {
  id: string;
  name: string;
}
interface Pipeline {
  id: string;
  name: string;
  stages: Stage[];
}

async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

/** The school's enrollment funnel (the demo workspace's first pipeline). */
async function enrollment(request: APIRequestContext): Promise<Pipeline> {
  const list = (await (await request.get('/api/pipelines')).json()) as { items: Pipeline[] };
  return list.items.find((p) => p.name.startsWith('Enrollment'))!;
}

const stageId = (p: Pipeline, name: string) => p.stages.find((s) => s.name === name)!.id;

async function createApplication(request: APIRequestContext, p: Pipeline, stage: string, title: string) {
  const res = await request.post('/api/deals', {
    data: { pipelineId: p.id, stageId: stageId(p, stage), title },
    headers: { 'x-csrf-token': await csrf(request) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
const card = (page: Page, title: string) => page.locator('[data-testid="deal-card"]', { hasText: title });

/** Drags a card by its handle onto a column, the way a mouse does (dnd-kit starts after a few pixels). */
async function drag(page: Page, title: string, toStage: string) {
  const handle = card(page, title).getByRole('button', { name: `Drag ${title}` });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const target = (await column(page, toStage).locator('.board-column-header').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height + 40, { steps: 12 });
  await page.mouse.up();
}

test.describe('pipeline board', () => {
  test('drags a card to the next stage', async ({ page }) => {
    await login(page, 'manager');
    const p = await enrollment(page.request);
    const title = unique('Drag me');
    const deal = await createApplication(page.request, p, 'Lead', title);
    await page.goto(`/pipelines/${p.id}`);
    await expect(column(page, 'Lead').getByText(title)).toBeVisible();

    await drag(page, title, 'Qualified');
    await expect(column(page, 'Qualified').getByText(title)).toBeVisible();
    await expect(page.getByText(`"${title}" moved to Qualified`)).toBeVisible();
    const saved = await (await page.request.get(`/api/deals/${deal.id}`)).json();
    expect(saved.stageId).toBe(stageId(p, 'Qualified'));
  });

  test('a refused move rolls back and says which rule refused it', async ({ page }) => {
    await login(page, 'manager');
    const p = await enrollment(page.request);
    const title = unique('Backward');
    const deal = await createApplication(page.request, p, 'Application', title);
    await page.goto(`/pipelines/${p.id}`);
    await expect(column(page, 'Application').getByText(title)).toBeVisible();

    // the enrollment funnel forbids backward moves
    await drag(page, title, 'Qualified');
    const toast = page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: 'Move refused' });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText(`cannot move back from "Application" to "Qualified"`);
    await expect(column(page, 'Application').getByText(title)).toBeVisible();
    await expect(column(page, 'Qualified').getByText(title)).toHaveCount(0);
    const saved = await (await page.request.get(`/api/deals/${deal.id}`)).json();
    expect(saved).toMatchObject({ stageId: stageId(p, 'Application'), version: 1 });
  });

  test("another user's move appears without reloading", async ({ page, browser }) => {
    await login(page, 'manager');
    const p = await enrollment(page.request);
    const title = unique('Live');
    const deal = await createApplication(page.request, p, 'Lead', title);
    await page.goto(`/pipelines/${p.id}`);
    await expect(column(page, 'Lead').getByText(title)).toBeVisible();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(otherPage, 'admin', { next: `/pipelines/${p.id}` });
    await expect(column(otherPage, 'Lead').getByText(title)).toBeVisible();
    await drag(otherPage, title, 'Qualified');
    await expect(column(otherPage, 'Qualified').getByText(title)).toBeVisible();

    await expect(column(page, 'Qualified').getByText(title)).toBeVisible();
    await expect(column(page, 'Lead').getByText(title)).toHaveCount(0);
    expect((await (await page.request.get(`/api/deals/${deal.id}`)).json()).version).toBe(2);
    await other.close();
  });

  test('moves a card with the keyboard', async ({ page }) => {
    await login(page, 'manager');
    const p = await enrollment(page.request);
    const title = unique('Keys');
    await createApplication(page.request, p, 'Accepted', title);
    await page.goto(`/pipelines/${p.id}`);
    const handle = card(page, title).getByRole('button', { name: `Drag ${title}` });
    await handle.focus();
    // dnd-kit starts listening for arrows a moment after the pick-up key, as a person's next key would be
    await page.keyboard.press('Space');
    await expect(page.locator('.deal-card.is-overlay')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(column(page, 'Enrolled')).toHaveClass(/is-over/);
    await page.keyboard.press('Space');
    await expect(column(page, 'Enrolled').getByText(title)).toBeVisible();
  });

  test('asks for the reason a lost stage requires before moving there', async ({ page }) => {
    await login(page, 'manager');
    const p = await enrollment(page.request);
    const title = unique('Lost one');
    const deal = await createApplication(page.request, p, 'Lead', title);
    await page.goto(`/pipelines/${p.id}`);
    const target = card(page, title);
    await target.hover();
    await target.getByRole('button', { name: `Move ${title} to another stage` }).click();
    await page
      .getByRole('dialog', { name: `Move "${title}"` })
      .getByRole('button', { name: /^Lost/ })
      .click();
    const dialog = page.getByRole('dialog', { name: `Move "${title}" to Lost` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Why was it lost?').fill('Chose another school');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect(column(page, 'Lost').getByText(title)).toBeVisible();
    const saved = await (await page.request.get(`/api/deals/${deal.id}`)).json();
    expect(saved).toMatchObject({ status: 'lost', closeReason: 'Chose another school' });
  });
});
