import { ArrowRight, Building2, KeyRound, UserPlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge, Card, Page, PageHeader } from '../../../design';
import type { Permission } from '../../../../shared/permissions';
import { useNavItems } from '../../../lib/nav';
import { useCan, useSession } from '../../../lib/session';
import './dashboard-page.css';

function greetingKey(hour: number): string {
  return hour < 11
    ? 'greeting.morning'
    : hour < 15
      ? 'greeting.afternoon'
      : hour < 19
        ? 'greeting.evening'
        : 'greeting.night';
}

const SETUP_STEPS: Array<{ key: string; to: string; icon: typeof UserPlus; permission: Permission }> = [
  { key: 'invite', to: '/settings/users', icon: UserPlus, permission: 'users.manage' },
  { key: 'workspace', to: '/settings/workspace', icon: Building2, permission: 'settings.manage' },
  { key: 'apiKey', to: '/settings/api-keys', icon: KeyRound, permission: 'settings.manage' },
];

/** A welcome page for now: where you are, and the way to each section. Charts come with the reports. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const session = useSession();
  const can = useCan();
  const firstName = session.user.name.split(' ')[0];
  const sections = useNavItems().filter(
    (i) => i.key !== 'dashboard' && i.key !== 'settings' && (!i.permission || can(i.permission)),
  );
  const steps = SETUP_STEPS.filter((s) => can(s.permission));
  return (
    <Page>
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t(greetingKey(new Date().getHours()), { name: firstName })}
        description={t('description', { workspace: session.workspace.name })}
        actions={
          <Badge color="accent">
            {t(`shell:templates.${session.workspace.template}.label`, { defaultValue: session.workspace.template })}
          </Badge>
        }
      />
      <section aria-labelledby="quick-links-title" className="stack-sm">
        <h2 id="quick-links-title" className="dashboard-section-title">
          {t('quickLinks')}
        </h2>
        <ul className="quick-links">
          {sections.map((item) => (
            <li key={item.key}>
              <Link to={item.path} className="quick-link">
                <span className="quick-link-icon" aria-hidden>
                  <item.icon />
                </span>
                <span className="quick-link-text">
                  <span className="quick-link-title">{t(item.labelKey)}</span>
                  <span className="quick-link-description">{t(`sections.${item.key}`, { defaultValue: '' })}</span>
                </span>
                <ArrowRight className="quick-link-arrow" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {steps.length > 0 && (
        <Card title={t('setup.title')} description={t('setup.description')} flush>
          <ul className="setup-steps">
            {steps.map((step) => (
              <li key={step.key}>
                <Link to={step.to} className="setup-step">
                  <step.icon aria-hidden />
                  <span className="grow">
                    <span className="setup-step-title">{t(`setup.${step.key}.title`)}</span>
                    <span className="setup-step-text">{t(`setup.${step.key}.text`)}</span>
                  </span>
                  <ArrowRight className="quick-link-arrow" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Page>
  );
}
