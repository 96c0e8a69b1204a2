import { lazy } from 'react';

/** What other features use from Activities: the notification bell (top bar) and a contact's timeline. */
export { NotificationBell } from './components/notification-bell';

/**
 * Loaded on demand (render it inside <Suspense>): the top bar imports this file for the bell, and the
 * timeline with its quick log should not join the first download.
 */
export const ContactTimeline = lazy(() =>
  import('./components/contact-timeline').then((m) => ({ default: m.ContactTimeline })),
);
