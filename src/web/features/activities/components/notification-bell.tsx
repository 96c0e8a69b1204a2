import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Bell, CheckCheck, Settings2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, IconButton, LoadMore, useToast } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useRealtime } from '../../../lib/realtime';
import {
  markAllRead,
  markRead,
  notificationKeys,
  useNotifications,
  useUnreadCount,
  type Notification,
} from '../api/notifications';
import './notifications.css';

/** The bell in the top bar: unread count, the latest notifications, live arrival (with a toast). */
export function NotificationBell() {
  const { t } = useTranslation('activities');
  const toast = useToast();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const count = useUnreadCount().data ?? 0;
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useRealtime('notification.', (event) => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    const n = event.payload.notification as Notification | undefined;
    if (event.type === 'notification.created' && n) toast.info(n.title, n.body ?? undefined);
  });
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && (setOpen(false), buttonRef.current?.focus());
    const onClick = (e: MouseEvent) =>
      !panelRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [isOpen]);

  return (
    <div className="notification-bell">
      <IconButton
        ref={buttonRef}
        label={count ? t('notifications.openWithCount', { count }) : t('notifications.open')}
        icon={<Bell />}
        aria-expanded={isOpen}
        aria-haspopup="dialog"
        onClick={() => setOpen(!isOpen)}
      />
      {count > 0 && (
        <span className="notification-count" aria-hidden data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
      {isOpen && (
        <div ref={panelRef} className="notification-panel" role="dialog" aria-label={t('notifications.title')}>
          <NotificationPanel
            unreadOnly={unreadOnly}
            onUnreadOnly={setUnreadOnly}
            onClose={() => setOpen(false)}
            count={count}
          />
        </div>
      )}
    </div>
  );
}

function NotificationPanel({
  unreadOnly,
  onUnreadOnly,
  onClose,
  count,
}: {
  unreadOnly: boolean;
  onUnreadOnly: (v: boolean) => void;
  onClose: () => void;
  count: number;
}) {
  const { t } = useTranslation('activities');
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useNotifications(true, unreadOnly);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const setCount = (c: number) => queryClient.setQueryData(notificationKeys.unreadCount().queryKey, c);
  const openOne = async (n: Notification) => {
    if (!n.readAt) setCount(await markRead(n.id).then((r) => r.count));
    void refresh();
    onClose();
    if (n.url) navigate(n.url);
  };
  return (
    <>
      <div className="notification-head">
        <strong>{t('notifications.title')}</strong>
        <div className="row act-nowrap">
          <button
            type="button"
            className="act-chip"
            aria-pressed={unreadOnly}
            onClick={() => onUnreadOnly(!unreadOnly)}
          >
            {t('notifications.unreadOnly')}
          </button>
          <Button
            size="sm"
            variant="ghost"
            icon={<CheckCheck />}
            disabled={!count}
            onClick={async () => {
              setCount((await markAllRead()).count);
              void refresh();
            }}
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
      </div>
      {!list.isPending && !items.length && (
        <EmptyState compact icon={<Bell />} title={t('notifications.emptyTitle')}>
          {t('notifications.emptyText')}
        </EmptyState>
      )}
      <ul className="notification-list">
        {items.map((n) => (
          <li key={n.id}>
            <button type="button" className="notification-item" data-unread={!n.readAt} onClick={() => void openOne(n)}>
              <span className="notification-dot" aria-hidden />
              <span className="notification-text">
                <span className="notification-title">{n.title}</span>
                {n.body && <span className="notification-body">{n.body}</span>}
                <span className="notification-meta">
                  {t(`notificationKinds.${n.kind}`)} · {format.relative(n.createdAt)}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
      <div className="notification-foot">
        <Link to="/settings/notifications" onClick={onClose}>
          <Settings2 aria-hidden /> {t('notifications.settings')}
        </Link>
      </div>
    </>
  );
}
