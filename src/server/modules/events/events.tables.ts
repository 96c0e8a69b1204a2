import type { Timestamp } from '../../db/schema.js';

declare module '../../db/schema.js' {
  interface DB {
    events: {
      id: string;
      workspace_id: string;
      type: string;
      entity_type: string;
      entity_id: string | null;
      actor_id: string | null;
      payload: Record<string, unknown> | string;
      created_at: Timestamp;
    };
  }
}
export {};
