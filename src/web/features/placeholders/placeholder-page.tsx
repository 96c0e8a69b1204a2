import { Construction } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, ButtonLink, EmptyState, Page, PageHeader } from '../../design';
import { navItems } from '../../app/nav';
import './placeholder-page.css';

/** A section that is on the way: says so plainly and describes what it will do. */
export function PlaceholderPage({ section }: { section: string }) {
  const { t } = useTranslation('placeholders');
  const item = navItems.find((i) => i.key === section);
  const Icon = item?.icon ?? Construction;
  const title = item ? t(item.labelKey) : section;
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
