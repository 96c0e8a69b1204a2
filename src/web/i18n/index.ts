import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type FeatureLocales, type Language } from './define';
import { commonLocales } from './common';
import { authLocales } from '../features/auth/locales';
import { shellLocales } from '../features/shell/locales';
import { dashboardLocales } from '../features/dashboard/locales';
import { placeholderLocales } from '../features/placeholders/locales';
import { settingsLocales } from '../features/settings/locales';
import { contactsLocales } from '../features/contacts/locales';
import { companiesLocales } from '../features/companies/locales';
import { contactSettingsLocales } from '../features/contact-settings/locales';
import { activitiesLocales } from '../features/activities/locales';
import { pipelinesLocales } from '../features/pipelines/locales';
import { importExportLocales } from '../features/import-export/locales';

/**
 * Every feature's strings, one namespace per feature: `useTranslation('contacts')` reads `contacts`.
 * To add a feature: import its locales above and add ONE line here.
 */
const namespaces: Record<string, FeatureLocales> = {
  common: commonLocales,
  auth: authLocales,
  shell: shellLocales,
  dashboard: dashboardLocales,
  placeholders: placeholderLocales,
  settings: settingsLocales,
  contacts: contactsLocales,
  companies: companiesLocales,
  contactSettings: contactSettingsLocales,
  activities: activitiesLocales,
  pipelines: pipelinesLocales,
  importExport: importExportLocales,
};

const STORAGE_KEY = 'crm.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'id') return stored;
  return navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(
    LANGUAGES.map(({ code }) => [code, Object.fromEntries(Object.entries(namespaces).map(([ns, l]) => [ns, l[code]]))]),
  ),
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** Switches the interface language now and remembers it on this device (the server keeps it per user). */
export function applyLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'id' ? 'id' : 'en';
}

export { i18n };
export { defineLocales, LANGUAGES, type Language } from './define';
