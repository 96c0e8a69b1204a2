/** What other features use from Activities: the notification bell (top bar) and a contact's timeline. */
export { NotificationBell } from './components/notification-bell';
export { ContactTimeline } from './components/contact-timeline';
