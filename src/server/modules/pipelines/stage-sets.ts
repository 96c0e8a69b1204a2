import type { PipelineCategory } from '../../../shared/contracts/pipelines.js';
import type { StageSpec } from './pipelines.service.js';

const lostNeedsReason = ['closeReason'];

/** The funnels the templates start from (seed 000's enrollment colours), also a new pipeline's stages by category. */
export const STAGE_SETS = {
  enrollment: [
    { name: 'Lead', color: '#22c55e', kind: 'open', probability: 10, staleDays: 14 },
    { name: 'Qualified', color: '#3b82f6', kind: 'open', probability: 25, staleDays: 14 },
    { name: 'Application', color: '#eab308', kind: 'open', probability: 50, staleDays: 21 },
    { name: 'Assessment', color: '#f97316', kind: 'open', probability: 65, staleDays: 14 },
    { name: 'Accepted', color: '#a855f7', kind: 'open', probability: 85, staleDays: 30 },
    { name: 'Enrolled', color: '#10b981', kind: 'won', probability: 100 },
    { name: 'Rejected', color: '#ef4444', kind: 'lost', probability: 0, requiredFields: lostNeedsReason },
    { name: 'Lost', color: '#6b7280', kind: 'lost', probability: 0, requiredFields: lostNeedsReason },
  ],
  leads: [
    { name: 'New', color: '#a855f7', kind: 'open', probability: 10, staleDays: 2 },
    { name: 'Contacted', color: '#3b82f6', kind: 'open', probability: 25, staleDays: 7 },
    { name: 'Qualified', color: '#f59e0b', kind: 'open', probability: 50, staleDays: 14 },
    { name: 'Appointment scheduled', color: '#06b6d4', kind: 'open', probability: 75, staleDays: 14 },
    { name: 'Converted', color: '#22c55e', kind: 'won', probability: 100 },
    { name: 'Lost', color: '#6b7280', kind: 'lost', probability: 0, requiredFields: lostNeedsReason },
  ],
  sales: [
    { name: 'Lead', color: '#64748b', kind: 'open', probability: 10, staleDays: 14 },
    { name: 'Qualified', color: '#3b82f6', kind: 'open', probability: 25, staleDays: 21 },
    { name: 'Proposal', color: '#eab308', kind: 'open', probability: 50, staleDays: 21, requiredFields: ['value'] },
    {
      name: 'Negotiation',
      color: '#f97316',
      kind: 'open',
      probability: 75,
      staleDays: 14,
      requiredFields: ['value', 'expectedCloseDate'],
    },
    { name: 'Won', color: '#10b981', kind: 'won', probability: 100 },
    { name: 'Lost', color: '#ef4444', kind: 'lost', probability: 0, requiredFields: lostNeedsReason },
  ],
  custom: [
    { name: 'New' },
    { name: 'Won', kind: 'won', color: '#10b981' },
    { name: 'Lost', kind: 'lost', color: '#6b7280' },
  ],
} satisfies Record<string, StageSpec[]>;

/** Stages for a pipeline created without any: the funnel its category usually has. */
export function defaultStages(category: PipelineCategory): StageSpec[] {
  if (category === 'enrollment') return STAGE_SETS.enrollment;
  if (category === 'sales') return STAGE_SETS.sales;
  if (category === 'general') return STAGE_SETS.leads;
  return STAGE_SETS.custom;
}
