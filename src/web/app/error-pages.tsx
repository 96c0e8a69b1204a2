import { CircleAlert, Compass } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { Button, ButtonLink, EmptyState, Page } from '../design';

export function NotFoundPage() {
  const { t } = useTranslation('shell');
  return (
    <Page>
      <EmptyState
        icon={<Compass />}
        title={t('notFound.title')}
        action={<ButtonLink to="/">{t('notFound.action')}</ButtonLink>}
      >
        {t('notFound.text')}
      </EmptyState>
    </Page>
  );
}

/** Shown when a page fails to render or its code fails to load (e.g. after a deploy). */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('shell');
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : undefined;
  return (
    <Page>
      <EmptyState
        icon={<CircleAlert />}
        title={t('crash.title')}
        action={
          <Button variant="primary" onClick={() => window.location.reload()}>
            {t('crash.action')}
          </Button>
        }
      >
        <p>{t('crash.text')}</p>
        {detail && (
          <p className="mono text-subtle" style={{ marginTop: 8 }}>
            {detail}
          </p>
        )}
      </EmptyState>
    </Page>
  );
}
