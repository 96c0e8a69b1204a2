import { Building2, CopyCheck, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { TabLinks } from '../../../design';

/** People, companies and duplicates live side by side under Contacts. */
export function ContactsTabs() {
  const { t } = useTranslation('contacts');
  return (
    <TabLinks
      label={t('tabs.label')}
      items={[
        { to: '/contacts', end: true, label: t('tabs.people'), icon: <Users aria-hidden /> },
        { to: '/contacts/companies', label: t('tabs.companies'), icon: <Building2 aria-hidden /> },
        { to: '/contacts/duplicates', label: t('tabs.duplicates'), icon: <CopyCheck aria-hidden /> },
      ]}
    />
  );
}
