import type { AppModule } from '../module.js';

export const jobsModule: AppModule = { name: 'jobs' };
