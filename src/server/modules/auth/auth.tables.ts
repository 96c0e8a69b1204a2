import type { Timestamp } from '../../db/schema.js';

declare module '../../db/schema.js' {
  interface DB {
    users: {
      id: string;
      email: string;
      name: string;
      password_hash: string | null;
      locale: string;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    memberships: {
      id: string;
      workspace_id: string;
      user_id: string;
      role: string;
      is_active: boolean;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    sessions: {
      id: string;
      token_hash: string;
      user_id: string;
      workspace_id: string;
      csrf_token: string;
      ip: string | null;
      user_agent: string | null;
      created_at: Timestamp;
      last_seen_at: Timestamp;
      expires_at: Timestamp;
    };
    api_keys: {
      id: string;
      workspace_id: string;
      name: string;
      role: string;
      prefix: string;
      key_hash: string;
      created_by: string | null;
      last_used_at: Timestamp | null;
      revoked_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    password_resets: {
      id: string;
      user_id: string;
      token_hash: string;
      created_at: Timestamp;
      expires_at: Timestamp;
      used_at: Timestamp | null;
    };
    login_failures: { key: string; count: number; first_failed_at: Timestamp; locked_until: Timestamp | null };
  }
}
export {};
