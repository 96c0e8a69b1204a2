import type { Transaction } from 'kysely';
import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';

export interface WorkspaceTemplate {
  key: TemplateKey;
  label: string;
  description: string;
  timezone: string;
  phoneRegion: string;
  currency: string;
  locale: 'en' | 'id';
}

/** The organizations we serve, as starting points. Modules add their defaults per template. */
export const TEMPLATES: Record<TemplateKey, WorkspaceTemplate> = {
  school: {
    key: 'school',
    label: 'Boarding school',
    description: 'Parents of students, prospects and alumni through an enrollment funnel; WhatsApp-first.',
    timezone: 'Asia/Jakarta',
    phoneRegion: 'ID',
    currency: 'IDR',
    locale: 'id',
  },
  hospital: {
    key: 'hospital',
    label: 'Hospital',
    description: 'Inquiries turned into patients, with campaigns, surveys and NPS.',
    timezone: 'Asia/Jakarta',
    phoneRegion: 'ID',
    currency: 'IDR',
    locale: 'en',
  },
  sales: {
    key: 'sales',
    label: 'Sales team',
    description: 'Deal pipelines, forecasts, assignment rules and scoring.',
    timezone: 'UTC',
    phoneRegion: 'US',
    currency: 'USD',
    locale: 'en',
  },
  blank: {
    key: 'blank',
    label: 'Blank',
    description: 'An empty workspace to configure yourself.',
    timezone: 'UTC',
    phoneRegion: 'US',
    currency: 'USD',
    locale: 'en',
  },
};

/** A module's defaults for a new workspace (e.g. contact types for the school template). */
export type WorkspaceTemplateContribution = (
  trx: Transaction<DB>,
  workspace: { id: string; template: TemplateKey },
  actor: Actor,
  now: string,
) => Promise<void>;
