import { encodeCursor } from '../../src/server/http/pagination.js';
import { TaskQuery } from '../../src/shared/contracts/tasks.js';
import { listTasks } from '../../src/server/modules/activities/tasks/tasks.repository.js';
import { listTimeline } from '../../src/server/modules/activities/timeline/timeline.repository.js';
import { cycle, type Scenario } from './types.js';

export const timelinePage: Scenario = {
  name: 'timeline.page',
  title: 'Timeline page (50) of the heavy contact: first page and pages deep in its history',
  connections: 4,
  async prepare(b) {
    const ws = b.manifest.workspaceId;
    const subjectId = b.manifest.heavyContactId;
    const entries = b.database.db
      .selectFrom('timeline_entries')
      .where('workspace_id', '=', ws)
      .where('subject_type', '=', 'contact')
      .where('subject_id', '=', subjectId);
    const total = Number((await entries.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    // cursors at 19 evenly spaced depths (the keyset cursor the API itself hands out: [occurred_at, id])
    const cursors: Array<[string, string] | null> = [null];
    for (let k = 1; k < 20; k++) {
      const row = await entries
        .select(['occurred_at', 'id'])
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .offset(Math.floor((k / 20) * total))
        .limit(1)
        .executeTakeFirst();
      if (row) cursors.push([row.occurred_at, row.id]);
    }
    const nextPath = cycle(
      cursors.map((c) => `/api/timeline/contact/${subjectId}?limit=50${c ? `&cursor=${encodeCursor(c)}` : ''}`),
    );
    return {
      request: { method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) },
      raw: (i) =>
        listTimeline(b.database.db, ws, {
          subjectType: 'contact',
          subjectId,
          kinds: null,
          viewerId: null,
          after: cursors[i % cursors.length],
          limit: 50,
        }),
      details: { timelineEntries: total, pages: cursors.length },
    };
  },
};

export const overdueTasks: Scenario = {
  name: 'tasks.overdue',
  title: 'My overdue tasks (open, past due, oldest first, 50)',
  connections: 4,
  async prepare(b) {
    const ws = b.manifest.workspaceId;
    const me = b.actor.id;
    const open = b.database.db
      .selectFrom('tasks')
      .where('workspace_id', '=', ws)
      .where('assignee_id', '=', me)
      .where('is_open', '=', true)
      .where('due_at', '<', new Date().toISOString());
    const mine = Number((await open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const query = TaskQuery.parse({ view: 'overdue' });
    return {
      request: { method: 'GET', path: '/api/tasks?view=overdue&limit=50' },
      // the filter task-views.service builds for view=overdue
      raw: () =>
        listTasks(b.database.db, ws, {
          query,
          assigneeId: me,
          ownerOnly: null,
          isOpen: true,
          statuses: null,
          dueFrom: null,
          dueBefore: new Date().toISOString(),
          after: null,
        }),
      details: { myOverdueTasks: mine },
    };
  },
};
