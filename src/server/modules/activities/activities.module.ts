import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { AppModule } from '../module.js';
import { activityRoutes } from './activities.routes.js';
import { activityEvents } from './activities.events.js';
import { activitiesTemplate } from './activities.templates.js';
import { noticesFromEvent } from './notifications/event-notices.js';
import { activityTypeRoutes } from './activity-types.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { registerActivitiesMergeHandler } from './contact-merge.js';
import {
  DIGEST_SCAN_JOB,
  digestScanJob,
  digestSendJob,
  notificationEmailJob,
} from './notifications/notifications.jobs.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { taskDueJob, taskReminderJob } from './tasks/tasks.jobs.js';
import { taskRoutes } from './tasks/tasks.routes.js';
import { projectTimeline } from './timeline/timeline.projector.js';
import { timelineRoutes } from './timeline/timeline.routes.js';

const routes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, opts) => {
  for (const plugin of [
    activityTypeRoutes,
    activityRoutes,
    taskRoutes,
    notificationRoutes,
    timelineRoutes,
    calendarRoutes,
  ])
    await plugin(app, opts);
};

/** Activities, tasks, the timeline, notifications and calendars. */
export const activitiesModule: AppModule = {
  name: 'activities',
  routes,
  jobs: [taskReminderJob, taskDueJob, notificationEmailJob, digestScanJob, digestSendJob],
  recurring: [{ name: DIGEST_SCAN_JOB, cron: '2 * * * *' }],
  templates: activitiesTemplate,
  events: activityEvents,
  optIns: { timeline: projectTimeline, notify: noticesFromEvent },
};

registerActivitiesMergeHandler();
