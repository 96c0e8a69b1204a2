import type { Timestamp } from '../../db/schema.js';

export interface AuditChanges {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  diff?: Record<string, { from: unknown; to: unknown }>;
  [k: string]: unknown;
}

declare module '../../db/schema.js' {
  interface DB {
    audit_log: {
      id: string;
      workspace_id: string;
      actor_type: string;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      entity_type: string;
      entity_id: string | null;
      changes: AuditChanges | string | null;
      ip: string | null;
      user_agent: string | null;
      created_at: Timestamp;
    };
  }
}
export {};
