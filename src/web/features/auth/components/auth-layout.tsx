import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, applyLanguage, currentLanguage } from '../../../i18n';
import './auth-layout.css';

/** The frame of pages before sign-in: brand, one card, and a language choice kept on this device. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation('auth');
  const language = currentLanguage();
  return (
    <div className="auth-page">
      <div className="auth-language" role="group" aria-label={t('languageChoice')}>
        {LANGUAGES.map((l) => (
          <button
            key={l.code}
            type="button"
            className="auth-language-option"
            aria-pressed={l.code === language}
            onClick={() => applyLanguage(l.code)}
            lang={l.code}
          >
            {l.label}
          </button>
        ))}
      </div>
      <main className="auth-main" id="main">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden>
            <svg viewBox="0 0 32 32">
              <path
                d="M10 16a6 6 0 0 1 10.2-4.3M22 16a6 6 0 0 1-10.2 4.3"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.8"
                strokeLinecap="round"
              />
            </svg>
          </span>
          <span>{t('common:appName')}</span>
        </div>
        <div className="auth-card">
          <h1>{title}</h1>
          {description && <p className="auth-description">{description}</p>}
          {children}
        </div>
        {footer && <div className="auth-footer">{footer}</div>}
      </main>
    </div>
  );
}
