import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton, Input } from '../../../design';
import { contactKeys } from '../../contacts';

/** Type a name, pick a contact (the contacts search answers as you type). */
export function ContactPicker({
  value,
  onChange,
  id,
}: {
  value: { id: string; name: string } | null;
  onChange: (c: { id: string; name: string } | null) => void;
  id?: string;
}) {
  const { t } = useTranslation('pipelines');
  const [q, setQ] = useState('');
  const hits = useQuery({ ...contactKeys.search(q, 6), enabled: q.trim().length > 1 });
  if (value) {
    return (
      <div className="row contact-picked">
        <span>{value.name}</span>
        <IconButton size="sm" label={t('contactPicker.clear')} icon={<X />} onClick={() => onChange(null)} />
      </div>
    );
  }
  return (
    <div className="contact-picker">
      <Input
        id={id}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('contactPicker.placeholder')}
        autoComplete="off"
      />
      {q.trim().length > 1 && (
        <ul className="contact-picker-hits" role="listbox" aria-label={t('contactPicker.results')}>
          {(hits.data ?? []).map((h) => (
            <li key={h.id} role="option" aria-selected={false}>
              <button
                type="button"
                onClick={() => {
                  onChange({ id: h.id, name: h.fullName });
                  setQ('');
                }}
              >
                <strong>{h.fullName}</strong>{' '}
                <span className="text-subtle">{h.primaryPhone ?? h.primaryEmail ?? ''}</span>
              </button>
            </li>
          ))}
          {hits.data?.length === 0 && <li className="text-subtle">{t('contactPicker.none')}</li>}
        </ul>
      )}
    </div>
  );
}
