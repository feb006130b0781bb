import type { RouteDefinition } from '@solidjs/router';
import { LoginPage } from './login.page.tsx';
import { ForgotPasswordPage } from './forgot-password.page.tsx';
import { ResetPasswordPage } from './reset-password.page.tsx';

export const authRoutes: RouteDefinition[] = [
  { path: '/login', component: LoginPage },
  { path: '/forgot-password', component: ForgotPasswordPage },
  { path: '/reset-password/:token', component: ResetPasswordPage },
];
