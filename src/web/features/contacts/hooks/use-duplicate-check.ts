import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { contactKeys, type DuplicateCheckInput } from '../api/contacts';

/** Likely duplicates of what is being typed into the contact form (checked as the person pauses). */
export function useDuplicateCheck(input: DuplicateCheckInput) {
  const clean: DuplicateCheckInput = {
    firstName: input.firstName?.trim() || undefined,
    lastName: input.lastName?.trim() || null,
    emails: (input.emails ?? []).map((e) => e.trim()).filter((e) => /.+@.+\..+/.test(e)),
    phones: (input.phones ?? []).map((p) => p.trim()).filter((p) => p.replace(/\D/g, '').length >= 8),
    excludeId: input.excludeId,
  };
  const debounced = useDebouncedValue(clean, 400);
  const hasKeys = Boolean(
    (debounced.firstName && debounced.lastName) || debounced.emails?.length || debounced.phones?.length,
  );
  const query = useQuery({ ...contactKeys.duplicateCheck(debounced), enabled: hasKeys });
  return hasKeys ? (query.data ?? []) : [];
}
