import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import type { WorkspaceTemplateContribution } from '../workspaces/templates.js';
import { addContactTypeRule } from '../contacts/contacts.service.js';
import { OPEN_ITEM_RULE } from './contact-hooks.js';
import { insertPipelineWithStages, type PipelineSpec } from './pipelines.service.js';
import { STAGE_SETS } from './stage-sets.js';

/** Each template's funnels: the school's enrollment funnel (seed 000), the hospital's leads, a sales pipeline. */
export const TEMPLATE_PIPELINES: Record<TemplateKey, PipelineSpec[]> = {
  school: [
    {
      name: 'Enrollment 2027/28',
      category: 'enrollment',
      itemLabel: 'Application',
      rules: { allowBackward: false, closedStagesTerminal: true, reasonRequired: false },
      wonContactType: 'student_parent',
      stages: STAGE_SETS.enrollment,
    },
    {
      name: 'General inquiry',
      category: 'general',
      itemLabel: 'Inquiry',
      stages: [
        { name: 'New', color: '#3b82f6', kind: 'open', probability: 20, staleDays: 3 },
        { name: 'In progress', color: '#eab308', kind: 'open', probability: 50, staleDays: 7 },
        { name: 'Resolved', color: '#10b981', kind: 'won', probability: 100 },
        { name: 'Closed', color: '#6b7280', kind: 'lost', probability: 0 },
      ],
    },
  ],
  hospital: [
    {
      name: 'Patient leads',
      category: 'general',
      itemLabel: 'Lead',
      rules: { allowBackward: true, closedStagesTerminal: false, reasonRequired: false },
      wonContactType: 'patient',
      stages: STAGE_SETS.leads,
    },
  ],
  sales: [
    {
      name: 'Sales',
      category: 'sales',
      itemLabel: 'Deal',
      rules: { allowBackward: true, closedStagesTerminal: true, reasonRequired: false },
      wonContactType: 'customer',
      stages: STAGE_SETS.sales,
    },
  ],
  blank: [],
};

export const pipelineTemplates: WorkspaceTemplateContribution = async (trx, workspace, actor, now) => {
  for (const spec of TEMPLATE_PIPELINES[workspace.template]) await insertPipelineWithStages(trx, actor, spec, now);
  // the school: every prospect parent is in the enrollment funnel (an application is opened for a new one)
  if (workspace.template === 'school')
    await addContactTypeRule(trx, workspace.id, 'prospect_parent', {
      kind: OPEN_ITEM_RULE,
      category: 'enrollment',
      createIfMissing: true,
    });
};
