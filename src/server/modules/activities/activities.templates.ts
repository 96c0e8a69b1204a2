import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import { newId } from '../../db/ids.js';
import type { WorkspaceTemplateContribution } from '../workspaces/templates.js';
import { insertActivityTypes } from './activity-types.repository.js';
import { insertActivitySettings } from './activities.repository.js';

interface TypeDefault {
  key: string;
  name: string;
  icon: string;
  color: string;
  hasDuration?: boolean;
  hasOutcome?: boolean;
}

const call = (name: string): TypeDefault => ({
  key: 'call',
  name,
  icon: '📞',
  color: '#2563eb',
  hasDuration: true,
  hasOutcome: true,
});
const whatsapp = (name: string): TypeDefault => ({
  key: 'whatsapp',
  name,
  icon: '💬',
  color: '#16a34a',
  hasOutcome: true,
});
const email = (name: string): TypeDefault => ({ key: 'email', name, icon: '📧', color: '#7c3aed', hasOutcome: true });
const meeting = (name: string): TypeDefault => ({
  key: 'meeting',
  name,
  icon: '👥',
  color: '#ea580c',
  hasDuration: true,
  hasOutcome: true,
});
const note = (name: string): TypeDefault => ({ key: 'note', name, icon: '📝', color: '#64748b' });

/** Activity types each template starts with (seed 000 for the school; 002 hospital; 003 sales). */
export const DEFAULT_ACTIVITY_TYPES: Record<TemplateKey, TypeDefault[]> = {
  school: [
    call('Phone Call'),
    whatsapp('WhatsApp Message'),
    email('Email'),
    { key: 'school_visit', name: 'School Visit', icon: '🏫', color: '#0891b2', hasDuration: true, hasOutcome: true },
    meeting('Meeting'),
    note('Note'),
    { key: 'assessment', name: 'Assessment', icon: '📋', color: '#ca8a04', hasDuration: true, hasOutcome: true },
    { key: 'follow_up', name: 'Follow-up', icon: '🔜', color: '#db2777', hasOutcome: true },
  ],
  hospital: [
    call('Phone call'),
    email('Email'),
    { key: 'sms', name: 'SMS', icon: '✉️', color: '#0d9488', hasOutcome: true },
    whatsapp('WhatsApp'),
    { key: 'in_person', name: 'In-person', icon: '🏥', color: '#ea580c', hasDuration: true, hasOutcome: true },
    { key: 'video_call', name: 'Video call', icon: '🎥', color: '#0891b2', hasDuration: true, hasOutcome: true },
  ],
  sales: [
    call('Call'),
    email('Email'),
    meeting('Meeting'),
    { key: 'demo', name: 'Demo', icon: '🖥️', color: '#0891b2', hasDuration: true, hasOutcome: true },
    note('Note'),
  ],
  blank: [call('Call'), email('Email'), meeting('Meeting'), note('Note')],
};

export const activitiesTemplate: WorkspaceTemplateContribution = async (trx, workspace, _actor, now) => {
  const defaults = DEFAULT_ACTIVITY_TYPES[workspace.template] ?? DEFAULT_ACTIVITY_TYPES.blank;
  await insertActivityTypes(
    trx,
    defaults.map((d, position) => ({
      id: newId(),
      workspace_id: workspace.id,
      key: d.key,
      name: d.name,
      icon: d.icon,
      color: d.color,
      has_duration: Boolean(d.hasDuration),
      has_outcome: Boolean(d.hasOutcome),
      position,
      is_archived: false,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  // A next action with a date becomes a task, except in a blank workspace (configure it there).
  await insertActivitySettings(trx, workspace.id, workspace.template !== 'blank', now);
};
