import type { RouteObject } from 'react-router-dom';
import { AcceptInvitePage } from './components/accept-invite-page';
import { ForgotPasswordPage } from './components/forgot-password-page';
import { LoginPage } from './components/login-page';
import { ResetPasswordPage } from './components/reset-password-page';

/** Paths match the links the server emails (/reset-password?token=…, /accept-invite?token=…). */
export const authRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/accept-invite', element: <AcceptInvitePage /> },
];
