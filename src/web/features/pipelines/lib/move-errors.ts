import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/mutation';

/** Codes of moves the pipeline's rules refused (their message names the rule). */
export const RULE_CODES = [
  'MOVE_BACKWARD_NOT_ALLOWED',
  'MOVE_FROM_CLOSED_NOT_ALLOWED',
  'MOVE_REASON_REQUIRED',
  'MOVE_FIELDS_REQUIRED',
  'CONVERSION_REFUSED',
  'STAGE_NOT_IN_PIPELINE',
] as const;

/** The refusing rule's message: the server's own words in English, the translated rule otherwise. */
export function moveErrorMessage(err: unknown, t: TFunction): string {
  if (isApiError(err) && (RULE_CODES as readonly string[]).includes(err.code)) {
    if (i18n.language === 'en') return err.detail ?? err.title;
    return t(`pipelines:errors.${err.code}`, { defaultValue: err.detail ?? err.title });
  }
  return describeError(err, t);
}

/** Whether a refusal can be fixed by asking for a reason or fields in the move dialog. */
export function needsMoveDialog(err: unknown): boolean {
  return isApiError(err) && (err.code === 'MOVE_REASON_REQUIRED' || err.code === 'MOVE_FIELDS_REQUIRED');
}
