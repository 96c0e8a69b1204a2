import type { Scenario } from './types.js';

/** The bare route in the same server process: the HTTP layer's ceiling, to compare contacts.get@50 with. */
export const hello: Scenario = {
  name: 'http.hello',
  title: 'Bare route (GET /api/bench/hello) in the same process, concurrency 50',
  connections: 50,
  async prepare() {
    return { request: { method: 'GET', path: '/api/bench/hello' } };
  },
};
