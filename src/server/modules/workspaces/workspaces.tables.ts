import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface WorkspaceSettings {
  agentsSeeAll?: boolean;
  auditRetentionDays?: number;
  [key: string]: unknown;
}

declare module '../../db/schema.js' {
  interface DB {
    workspaces: {
      id: string;
      slug: string;
      name: string;
      template: string;
      timezone: string;
      phone_region: string;
      currency: string;
      locale: string;
      settings: WorkspaceSettings | string;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}
export type { Generated };
