import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Input, useFieldControl } from '../../../design';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { contactKeys } from '../../contacts';

export interface PickedContact {
  id: string;
  name: string;
}

/** Search-as-you-type contact chooser (names, emails, phones as typed). */
export function ContactPicker({
  value,
  onChange,
}: {
  value: PickedContact | null;
  onChange: (c: PickedContact | null) => void;
}) {
  const { t } = useTranslation('activities');
  const control = useFieldControl();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q.trim(), 200);
  const hits = useQuery({ ...contactKeys.search(debounced, 8), enabled: debounced.length > 0 && !value });
  if (value) {
    return (
      <div className="act-contact-picked">
        <strong>{value.name}</strong>
        <button type="button" className="act-link" onClick={() => onChange(null)}>
          {t('form.changeContact')}
        </button>
      </div>
    );
  }
  return (
    <div className="act-contact-picker">
      <Input
        id={control?.id}
        icon={<Search />}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('form.searchContact')}
        autoComplete="off"
        isInvalid={control?.isInvalid}
      />
      {debounced && (
        <ul className="act-contact-picker-list" role="listbox" aria-label={t('form.contact')}>
          {(hits.data ?? []).map((c) => (
            <li key={c.id}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onClick={() => onChange({ id: c.id, name: c.fullName })}
              >
                <span>{c.fullName}</span>
                <span className="text-subtle text-sm">{c.primaryPhone ?? c.primaryEmail ?? ''}</span>
              </button>
            </li>
          ))}
          {hits.data?.length === 0 && (
            <li className="text-subtle text-sm act-contact-picker-none">{t('form.noContactFound')}</li>
          )}
        </ul>
      )}
    </div>
  );
}
