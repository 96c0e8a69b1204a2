import { useTranslation } from 'react-i18next';
import { Badge, ButtonLink, EmptyState, Page, PageHeader } from '../../design';
import type { NavItem } from '../../lib/nav';
import './placeholder-page.css';

/** A section that is on the way: says so plainly and describes what it will do. */
export function PlaceholderPage({ item }: { item: NavItem }) {
  const { t } = useTranslation('placeholders');
  const section = item.key;
  const Icon = item.icon;
  const title = t(item.labelKey);
  const pointsTree = t(`${section}.points`, { returnObjects: true, defaultValue: {} }) as unknown;
  const points =
    pointsTree && typeof pointsTree === 'object' ? Object.values(pointsTree as Record<string, string>) : [];
  return (
    <Page>
      <PageHeader
        title={title}
        actions={
          <Badge color="amber" dot>
            {t('badge')}
          </Badge>
        }
      />
      <div className="placeholder-card">
        <EmptyState
          icon={<Icon />}
          title={t('title', { section: title })}
          action={<ButtonLink to="/">{t('backToDashboard')}</ButtonLink>}
        >
          <p>{t(`${section}.summary`, { defaultValue: t('genericSummary') })}</p>
          {points.length > 0 && (
            <ul className="placeholder-points">
              {points.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </EmptyState>
      </div>
    </Page>
  );
}
