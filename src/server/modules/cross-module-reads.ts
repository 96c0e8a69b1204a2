/**
 * The listed exceptions to "a module's SQL names only its own tables" (each module's `*.tables.ts`
 * says what it owns; tests/architecture/table-ownership.test.ts checks every module's SQL against
 * it). Everything else reads another module's data through that module's service: members through
 * auth/members.service, contacts and their visibility through contacts/contact-refs.service,
 * workspaces through workspaces.service. An entry names one file and the foreign tables it may
 * name, and says why a join is worth more than a call. Remove an entry when its reason goes away:
 * the check fails on an entry that no longer matches anything.
 */
export interface CrossModuleRead {
  /** Path under src/server/modules. */
  file: string;
  tables: string[];
  why: string;
}

export const CROSS_MODULE_READS: CrossModuleRead[] = [
  // read models: lists and pages that show other modules' names in the same query
  {
    file: 'pipelines/board.repository.ts',
    tables: ['contacts', 'companies'],
    why: 'board cards carry their contact and company names; a 500-card board is one query, not three',
  },
  {
    file: 'pipelines/deals.repository.ts',
    tables: ['contacts', 'companies', 'memberships', 'users'],
    why: "a deal's page (a prepared statement) reads its contact, company and owner names with the row",
  },
  {
    file: 'contacts/contacts.repository.ts',
    tables: ['memberships', 'users'],
    why: 'the contact profile (a prepared statement, the hottest read) names its owner in the same query',
  },
  {
    file: 'activities/activities.repository.ts',
    tables: ['contacts', 'users'],
    why: 'activity lists show the contact and author of each row and filter by contact owner (agent scope)',
  },
  {
    file: 'activities/tasks/tasks.repository.ts',
    tables: ['contacts', 'users'],
    why: "task lists show each task's contact and assignee names in one page query",
  },
  {
    file: 'activities/calendar/calendar.repository.ts',
    tables: ['contacts'],
    why: 'calendar items name their contact, and agents see activities on contacts they own',
  },
  {
    file: 'activities/timeline/timeline.repository.ts',
    tables: ['events'],
    why: 'the timeline is a projection of the events table: each entry is read with the event it points at',
  },
  {
    file: 'pipelines/contact-links.repository.ts',
    tables: ['contacts', 'contact_types'],
    why: "contact-type rules open deals for contacts; the contact's type is read with it in one query",
  },
  // identity: the guard authenticates every request with one query
  {
    file: 'auth/auth.repository.ts',
    tables: ['workspaces'],
    why: "every request's session or API key is read with its workspace's settings in one query",
  },
  {
    file: 'auth/auth.service.ts',
    tables: ['workspaces'],
    why: 'the session answer describes the current workspace (to move to workspaces.service)',
  },
  {
    file: 'api-keys/api-keys.service.ts',
    tables: ['api_keys', 'users', 'memberships'],
    why:
      'api_keys are declared by auth, which authenticates with them; the key list shows each owner and ' +
      'whether they are still active in one query (the owner reads are to move to auth/members.service)',
  },
  // jobs that walk every workspace
  {
    file: 'activities/notifications/notifications.repository.ts',
    tables: ['workspaces'],
    why: "the hourly digest finds every subscriber with their workspace's time zone in one query",
  },
  {
    file: 'audit/audit.jobs.ts',
    tables: ['workspaces'],
    why: "the daily retention job reads every workspace's retention setting",
  },
  {
    file: 'contacts/contacts.jobs.ts',
    tables: ['workspaces'],
    why: 'a maintenance job runs once per workspace',
  },
  {
    file: 'pipelines/pipelines.repository.ts',
    tables: ['workspaces'],
    why: "pipelines take the workspace's locale and currency as defaults",
  },
];
