import type { Timestamp } from '../../db/schema.js';

declare module '../../db/schema.js' {
  interface DB {
    invitations: {
      id: string;
      workspace_id: string;
      email: string;
      role: string;
      token_hash: string;
      invited_by: string | null;
      expires_at: Timestamp;
      accepted_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}
export {};
