import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router-dom';
import { Button, ProgressBar, Skeleton } from '../design';
import { applyLanguage } from '../i18n';
import { setUnauthenticatedHandler } from '../lib/api';
import { realtime } from '../lib/realtime';
import { sessionKey, useSessionQuery } from '../lib/session';
import './root.css';

/** Wraps every page: keeps language in step with the session, and shows a thin bar while a page loads. */
export function RootLayout() {
  const queryClient = useQueryClient();
  const navigation = useNavigation();
  const { data: session } = useSessionQuery();

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      realtime.stop();
      queryClient.setQueryData(sessionKey, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const language = session?.user.locale;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  return (
    <>
      {navigation.state === 'loading' && (
        <div className="route-progress">
          <ProgressBar />
        </div>
      )}
      <Outlet />
    </>
  );
}

/** Renders its children only with a session; otherwise sends the visitor to sign in and back here after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, isPending, isError, refetch } = useSessionQuery();
  const location = useLocation();
  const { t } = useTranslation('common');
  if (isPending) return <BootSkeleton label={t('loading')} />;
  if (isError) {
    return (
      <div className="boot-error" role="alert">
        <p>{t('errorCodes.NETWORK')}</p>
        <Button onClick={() => void refetch()}>{t('retry')}</Button>
      </div>
    );
  }
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function BootSkeleton({ label }: { label: string }) {
  return (
    <div className="boot-skeleton" aria-busy="true" aria-label={label}>
      <div className="boot-skeleton-sidebar">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} height={14} width={i === 0 ? '70%' : '85%'} />
        ))}
      </div>
      <div className="boot-skeleton-main">
        <Skeleton height={20} width={240} />
        <Skeleton height={12} width={420} />
        <Skeleton height={180} />
      </div>
    </div>
  );
}
