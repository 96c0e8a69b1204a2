import { overdueTasks, timelinePage } from './activities.js';
import {
  contactCreate,
  contactDuplicateCheck,
  contactGet,
  contactGetThroughput,
  contactList,
  contactSearch,
} from './contacts.js';
import { login } from './auth.js';
import { hello } from './http.js';
import { exportContacts, importContacts } from './import-export.js';
import { board, forecastScenario, move } from './pipelines.js';
import type { Scenario, ThroughputScenario } from './types.js';

/** Request scenarios in the order they run (reads before writes; the bare route first, as the reference). */
export const SCENARIOS: Scenario[] = [
  hello,
  contactGetThroughput,
  contactList,
  contactSearch,
  contactGet,
  board,
  forecastScenario,
  timelinePage,
  overdueTasks,
  contactDuplicateCheck,
  contactCreate,
  move,
  login,
];

/** Job-style scenarios measured in rows per second. */
export const THROUGHPUT_SCENARIOS: ThroughputScenario[] = [importContacts, exportContacts];
