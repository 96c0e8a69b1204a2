import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../../design';
import type { DuplicateMatch } from '../api/contacts';
import { formatPhone } from '../lib/phone';

/** "This looks like someone you already have", listing the likely duplicates and why. */
export function DuplicateWarning({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation('contacts');
  if (!matches.length) return null;
  return (
    <div className="duplicate-warning" role="alert" aria-live="polite">
      <TriangleAlert aria-hidden />
      <div className="grow">
        <strong>{t('duplicates.warningTitle', { count: matches.length })}</strong>
        <p className="text-muted">{t('duplicates.warningText')}</p>
        <ul>
          {matches.slice(0, 5).map((m) => (
            <li key={m.contactId}>
              <Link to={`/contacts/${m.contactId}`} target="_blank">
                {m.fullName}
              </Link>
              <span className="text-muted">
                {[formatPhone(m.primaryPhone), m.primaryEmail].filter(Boolean).join(' · ')}
              </span>
              {m.reasons.map((r) => (
                <Badge key={r} color="amber">
                  {t(`duplicates.reasons.${r}`)}
                </Badge>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
