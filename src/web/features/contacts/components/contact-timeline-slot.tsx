import { Activity } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState } from '../../../design';

/**
 * The contact's timeline. A placeholder until the activities feature provides the real one:
 * replace this component's body with one import of that timeline (it receives the contact id).
 */
export function ContactTimelineSlot({ contactId }: { contactId: string }) {
  const { t } = useTranslation('contacts');
  return (
    <div className="contact-timeline" data-contact-id={contactId}>
      <Card title={t('timeline.title')}>
        <EmptyState compact icon={<Activity />} title={t('timeline.emptyTitle')}>
          {t('timeline.emptyText')}
        </EmptyState>
      </Card>
    </div>
  );
}
