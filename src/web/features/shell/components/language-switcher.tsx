import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Menu } from '../../../design';
import { LANGUAGES, currentLanguage } from '../../../i18n';
import { useUpdateProfile } from '../api/session-actions';

/** Switches the interface language and saves it to the user's profile. */
export function LanguageSwitcher() {
  const { t } = useTranslation('shell');
  const updateProfile = useUpdateProfile();
  const language = currentLanguage();
  return (
    <Menu
      align="end"
      label={t('language.label')}
      trigger={(props) => (
        <button
          type="button"
          className="top-bar-trigger"
          aria-label={t('language.change')}
          title={t('language.change')}
          {...props}
        >
          <Languages aria-hidden />
          <span className="lang-code">{language}</span>
        </button>
      )}
      items={LANGUAGES.map((l) => ({
        key: l.code,
        label: l.label,
        checked: l.code === language,
        onSelect: () => l.code !== language && updateProfile.mutate({ locale: l.code }),
      }))}
    />
  );
}
