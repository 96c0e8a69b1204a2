import type { AppModule } from '../module.js';
import { jobEvents } from './jobs.events.js';
import { pruneSucceededJobsJob } from './jobs.jobs.js';
import { jobRoutes } from './jobs.routes.js';

export const jobsModule: AppModule = {
  name: 'jobs',
  routes: jobRoutes,
  jobs: [pruneSucceededJobsJob],
  recurring: [{ name: pruneSucceededJobsJob.name, cron: '41 3 * * *' }],
  events: jobEvents,
};
