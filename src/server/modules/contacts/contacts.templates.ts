import type { Transaction } from 'kysely';
import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { toJson } from '../../db/sql-helpers.js';
import type { WorkspaceTemplateContribution } from '../workspaces/templates.js';
import type { ContactTypeRuleRow } from './contact-config.tables.js';
import { insertTag } from './tags.service.js';

interface TypeDefault {
  key: string;
  label: string;
  color: string;
  icon: string;
  rules?: ContactTypeRuleRow[];
}
interface FieldDefault {
  entity?: 'contact' | 'company';
  key: string;
  label: string;
  type: string;
  choices?: Array<{ value: string; label: string }>;
  isUnique?: boolean;
}
interface ContactDefaults {
  types: TypeDefault[];
  sources: Array<[key: string, label: string]>;
  tags: Array<[name: string, color: string, description?: string]>;
  fields: FieldDefault[];
}

/** Contact configuration each workspace template starts with (seeds 000, 002, 003, 004). */
export const CONTACT_DEFAULTS: Record<TemplateKey, ContactDefaults> = {
  school: {
    types: [
      {
        key: 'student_parent',
        label: 'Orang tua siswa',
        color: '#10b981',
        icon: 'graduation-cap',
        rules: [{ kind: 'required_fields', fields: ['phone'] }],
      },
      { key: 'prospect_parent', label: 'Orang tua calon siswa', color: '#3b82f6', icon: 'user-plus' },
      { key: 'alumni_parent', label: 'Orang tua alumni', color: '#a855f7', icon: 'award' },
      { key: 'external', label: 'Eksternal', color: '#64748b', icon: 'user' },
    ],
    sources: [
      ['website', 'Website'],
      ['whatsapp', 'WhatsApp'],
      ['walk_in', 'Kunjungan sekolah'],
      ['parent_referral', 'Rekomendasi orang tua'],
      ['social_media', 'Media sosial'],
      ['education_fair', 'Pameran pendidikan'],
      ['alumni', 'Alumni'],
      ['other', 'Lainnya'],
    ],
    tags: [
      ['Beasiswa', '#f59e0b', 'Mengajukan atau menerima beasiswa'],
      ['Asrama', '#6366f1', 'Anak tinggal di asrama'],
      ['Perlu tindak lanjut', '#ef4444'],
      ['Komite sekolah', '#10b981'],
    ],
    fields: [
      {
        key: 'grade_interest',
        label: 'Jenjang diminati',
        type: 'select',
        choices: [
          { value: 'sd', label: 'SD' },
          { value: 'smp', label: 'SMP' },
          { value: 'sma', label: 'SMA' },
        ],
      },
      { key: 'children_count', label: 'Jumlah anak', type: 'number' },
      { key: 'needs_dormitory', label: 'Butuh asrama', type: 'boolean' },
    ],
  },
  hospital: {
    types: [
      { key: 'patient', label: 'Patient', color: '#10b981', icon: 'heart-pulse' },
      { key: 'lead', label: 'Lead', color: '#3b82f6', icon: 'user-plus' },
    ],
    sources: [
      ['website', 'Website'],
      ['phone_call', 'Phone call'],
      ['walk_in', 'Walk-in'],
      ['patient_referral', 'Patient referral'],
      ['doctor_referral', 'Doctor referral'],
      ['social_media', 'Social media'],
      ['google_ads', 'Google Ads'],
      ['whatsapp', 'WhatsApp'],
      ['email_inquiry', 'Email inquiry'],
      ['health_camp', 'Health camp'],
      ['corporate', 'Corporate'],
      ['other', 'Other'],
    ],
    tags: [
      ['VIP', '#f59e0b'],
      ['Corporate', '#6366f1'],
      ['do-not-contact', '#ef4444', 'Excluded from campaigns'],
      ['Heart checkup', '#ec4899'],
    ],
    fields: [
      { key: 'medical_record_no', label: 'Medical record no.', type: 'text', isUnique: true },
      {
        key: 'insurance',
        label: 'Insurance',
        type: 'select',
        choices: [
          { value: 'bpjs', label: 'BPJS' },
          { value: 'private', label: 'Private insurance' },
          { value: 'self_pay', label: 'Self-pay' },
        ],
      },
      {
        key: 'interest',
        label: 'Service of interest',
        type: 'multi_select',
        choices: [
          { value: 'cardiology', label: 'Cardiology' },
          { value: 'checkup', label: 'Health checkup' },
          { value: 'maternity', label: 'Maternity' },
          { value: 'orthopedics', label: 'Orthopedics' },
        ],
      },
    ],
  },
  sales: {
    types: [
      { key: 'lead', label: 'Lead', color: '#3b82f6', icon: 'user-plus' },
      { key: 'customer', label: 'Customer', color: '#10b981', icon: 'badge-check' },
      { key: 'partner', label: 'Partner', color: '#a855f7', icon: 'handshake' },
    ],
    sources: [
      ['website', 'Website'],
      ['inbound_call', 'Inbound call'],
      ['outbound', 'Outbound'],
      ['referral', 'Referral'],
      ['event', 'Event'],
      ['partner', 'Partner'],
      ['linkedin', 'LinkedIn'],
      ['other', 'Other'],
    ],
    tags: [
      ['Decision maker', '#6366f1'],
      ['Hot', '#ef4444'],
      ['Newsletter', '#10b981'],
    ],
    fields: [
      { key: 'job_title', label: 'Job title', type: 'text' },
      { key: 'linkedin', label: 'LinkedIn', type: 'url' },
      { entity: 'company', key: 'annual_revenue', label: 'Annual revenue', type: 'money' },
    ],
  },
  blank: { types: [], sources: [], tags: [], fields: [] },
};

async function applyDefaults(
  trx: Transaction<DB>,
  workspaceId: string,
  d: ContactDefaults,
  now: string,
): Promise<void> {
  const base = { workspace_id: workspaceId, version: 1, created_at: now, updated_at: now };
  if (d.types.length) {
    await trx
      .insertInto('contact_types')
      .values(
        d.types.map((t, i) => ({
          ...base,
          id: newId(),
          key: t.key,
          label: t.label,
          color: t.color,
          icon: t.icon,
          position: i,
          rules: toJson(t.rules ?? []),
          is_archived: false,
        })),
      )
      .execute();
  }
  if (d.sources.length) {
    await trx
      .insertInto('contact_sources')
      .values(
        d.sources.map(([key, label], i) => ({ ...base, id: newId(), key, label, position: i, is_archived: false })),
      )
      .execute();
  }
  if (d.fields.length) {
    await trx
      .insertInto('custom_fields')
      .values(
        d.fields.map((f, i) => ({
          ...base,
          id: newId(),
          entity: f.entity ?? 'contact',
          key: f.key,
          label: f.label,
          type: f.type,
          options: toJson({ choices: f.choices ?? [] }),
          is_required: false,
          is_unique: f.isUnique ?? false,
          position: i,
          is_archived: false,
        })),
      )
      .execute();
  }
  for (const [name, color, description] of d.tags) await insertTag(trx, workspaceId, { name, color, description }, now);
}

/** The template contribution: contact types, sources, custom fields and tags of the template. */
export const contactTemplates: WorkspaceTemplateContribution = async (trx, workspace, _actor, now) => {
  await applyDefaults(trx, workspace.id, CONTACT_DEFAULTS[workspace.template], now);
};
