import type { ReactNode } from 'react';
import { CalendarDays, CheckSquare, ListChecks } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PageHeader, TabLinks } from '../../../design';

/** The section's header and its three views. */
export function ActivitiesHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation('activities');
  return (
    <>
      <PageHeader title={t('section.title')} description={t('section.description')} actions={actions} />
      <TabLinks
        label={t('section.title')}
        className="act-tabs"
        items={[
          { to: '/activities', label: t('section.activities'), icon: <ListChecks />, end: true },
          { to: '/activities/tasks', label: t('section.tasks'), icon: <CheckSquare /> },
          { to: '/activities/calendar', label: t('section.calendar'), icon: <CalendarDays /> },
        ]}
      />
    </>
  );
}
