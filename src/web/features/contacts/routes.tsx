import type { RouteObject } from 'react-router-dom';

/** /contacts (list), /contacts/duplicates, /contacts/:id; companies live in features/companies. */
export const contactsRoutes: RouteObject[] = [
  { path: '/contacts', lazy: () => import('./components/contacts-page').then((m) => ({ Component: m.ContactsPage })) },
  {
    path: '/contacts/duplicates',
    lazy: () => import('./components/duplicates-page').then((m) => ({ Component: m.DuplicatesPage })),
  },
  {
    path: '/contacts/:id',
    lazy: () => import('./components/contact-page').then((m) => ({ Component: m.ContactPage })),
  },
];
