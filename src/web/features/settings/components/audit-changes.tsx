import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/audit';

interface Changes {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  diff?: Record<string, { from: unknown; to: unknown }>;
  meta?: Record<string, unknown>;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The before/after of one audit entry, field by field, plus where it came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('settings');
  const changes = (entry.changes ?? {}) as Changes;
  const diff = Object.entries(changes.diff ?? {});
  const meta = Object.entries(changes.meta ?? {});
  return (
    <div className="audit-changes">
      {diff.length > 0 ? (
        <table className="audit-diff">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.map(([field, { from, to }]) => (
              <tr key={field}>
                <th scope="row" className="mono">
                  {field}
                </th>
                <td>
                  <span className="audit-from">{show(from)}</span>
                </td>
                <td>
                  <span className="audit-to">{show(to)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-muted">{t('audit.noFieldChanges')}</p>
      )}
      <dl className="audit-meta">
        {meta.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="mono" title={show(v)}>
              {show(v)}
            </dd>
          </div>
        ))}
        {entry.entityId && (
          <div>
            <dt>{t('audit.entityId')}</dt>
            <dd className="mono" title={entry.entityId}>
              {entry.entityId}
            </dd>
          </div>
        )}
        {entry.userAgent && (
          <div>
            <dt>{t('audit.userAgent')}</dt>
            <dd className="mono" title={entry.userAgent}>
              {entry.userAgent}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
