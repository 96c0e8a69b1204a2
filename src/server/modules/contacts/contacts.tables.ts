import type { DateOnly, Timestamp } from '../../db/schema.js';

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

declare module '../../db/schema.js' {
  interface DB {
    companies: {
      id: string;
      workspace_id: string;
      name: string;
      domain: string | null;
      industry: string | null;
      size: string | null;
      address: Address | string | null;
      owner_id: string | null;
      custom: Record<string, unknown> | string;
      created_by: string | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
      deleted_at: Timestamp | null;
    };
    contacts: {
      id: string;
      workspace_id: string;
      first_name: string;
      last_name: string | null;
      full_name: string;
      type_key: string | null;
      source_key: string | null;
      owner_id: string | null;
      team: string | null;
      company_id: string | null;
      primary_email: string | null;
      primary_phone: string | null;
      address: Address | string | null;
      birthday: DateOnly | null;
      gender: string | null;
      preferred_language: string | null;
      do_not_contact: boolean;
      custom: Record<string, unknown> | string;
      created_by: string | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
      deleted_at: Timestamp | null;
      /** Duplicate detection keys (see name-keys.ts); null for rows written by other means. */
      name_key: string | null;
      name_skeleton: string | null;
      /** Set when the contact was merged into another one (and soft-deleted). */
      merged_into_id: string | null;
    };
    contact_emails: {
      id: string;
      workspace_id: string;
      contact_id: string;
      email: string;
      label: string | null;
      is_primary: boolean;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    contact_phones: {
      id: string;
      workspace_id: string;
      contact_id: string;
      e164: string;
      raw: string | null;
      label: string | null;
      is_primary: boolean;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}
export {};
