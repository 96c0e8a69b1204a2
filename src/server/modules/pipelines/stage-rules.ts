import type { PipelineRules, Stage } from '../../../shared/contracts/pipelines.js';
import type { FieldError } from '../../http/error-types.js';
import { AppError } from '../../http/errors.js';
import { fromJson } from '../../db/sql-helpers.js';
import type { DealRow } from './pipelines.mappers.js';

/** The deal as it would be after the move (with the fields sent along with it). */
export type DealState = Pick<
  DealRow,
  'value_minor' | 'expected_close_date' | 'contact_id' | 'company_id' | 'owner_id' | 'custom' | 'close_reason'
>;

export interface MoveCheck {
  rules: PipelineRules;
  from: Stage;
  to: Stage;
  /** Managers and admins may reopen closed items even when closed stages are terminal. */
  mayReopen: boolean;
  reason: string | undefined;
  next: DealState;
  /** How request fields are named in error bodies ('fields.' for moves, '' for creates). */
  fieldPrefix: string;
}

/**
 * Checks a move against the pipeline's rules and the target stage's required fields. Throws an
 * AppError naming the rule (`rule` in the problem body) that refused it; returns when allowed.
 */
export function assertMoveAllowed(c: MoveCheck): void {
  const leavingClosed = c.from.kind !== 'open';
  if (leavingClosed && c.rules.closedStagesTerminal && !c.mayReopen) {
    throw new AppError(
      'MOVE_FROM_CLOSED_NOT_ALLOWED',
      `"${c.from.name}" is final in this pipeline; only a manager can move items out of it`,
      { data: { rule: 'closedStagesTerminal' } },
    );
  }
  if (!leavingClosed && c.to.kind === 'open' && c.to.position < c.from.position && !c.rules.allowBackward) {
    throw new AppError(
      'MOVE_BACKWARD_NOT_ALLOWED',
      `Items cannot move back from "${c.from.name}" to "${c.to.name}" in this pipeline`,
      { data: { rule: 'allowBackward' } },
    );
  }
  if (c.rules.reasonRequired && !c.reason) {
    throw new AppError('MOVE_REASON_REQUIRED', 'This pipeline requires a reason for every move', {
      field: 'reason',
      errors: [{ field: 'reason', message: 'Give a reason for this move' }],
      data: { rule: 'reasonRequired' },
    });
  }
  assertRequiredFields(c.to, c.next, c.reason, c.fieldPrefix);
}

/** Refuses entry into a stage while any field it requires is empty. */
export function assertRequiredFields(
  stage: Stage,
  next: DealState,
  reason: string | undefined,
  fieldPrefix: string,
): void {
  const errors = missingFields(stage, next, reason, fieldPrefix);
  if (!errors.length) return;
  const names = stage.requiredFields.filter((f) => errors.some((e) => e.code === f));
  throw new AppError('MOVE_FIELDS_REQUIRED', `"${stage.name}" requires: ${names.join(', ')}`, {
    field: errors[0].field,
    errors,
    data: { rule: 'requiredFields', stageId: stage.id },
  });
}

function missingFields(stage: Stage, next: DealState, reason: string | undefined, prefix: string): FieldError[] {
  const custom = fromJson<Record<string, unknown>>(next.custom, {});
  const out: FieldError[] = [];
  for (const required of stage.requiredFields) {
    const [field, isEmpty] = fieldFor(required, next, custom, reason, prefix);
    if (isEmpty) out.push({ field, message: `Required by the stage "${stage.name}"`, code: required });
  }
  return out;
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function fieldFor(
  required: string,
  d: DealState,
  custom: Record<string, unknown>,
  reason: string | undefined,
  prefix: string,
): [string, boolean] {
  switch (required) {
    case 'reason':
      return ['reason', blank(reason)];
    case 'closeReason':
      return ['closeReason', blank(d.close_reason)];
    case 'value':
      return [`${prefix}valueMinor`, !(Number(d.value_minor) > 0)];
    case 'expectedCloseDate':
      return [`${prefix}expectedCloseDate`, blank(d.expected_close_date)];
    case 'contact':
      return [`${prefix}contactId`, blank(d.contact_id)];
    case 'company':
      return [`${prefix}companyId`, blank(d.company_id)];
    case 'owner':
      return [`${prefix}ownerId`, blank(d.owner_id)];
    default: {
      const key = required.slice('custom.'.length);
      return [`${prefix}custom.${key}`, blank(custom[key])];
    }
  }
}

/** Forward means further along the board (an open item reaching a later stage, or closing as won). */
export function isForwardMove(from: Stage, to: Stage): boolean {
  return from.kind === 'open' && to.kind !== 'lost' && to.position > from.position;
}
