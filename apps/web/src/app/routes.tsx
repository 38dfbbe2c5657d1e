import { Navigate, type RouteObject } from 'react-router';
import { HomePage } from '../features/home/HomePage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { RequireAuth } from '../features/auth/RequireAuth.tsx';
import { AppLayout } from './AppLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageLoading } from './PageLoading.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

// Sign-in and Home are in the first download; every other screen is fetched when first visited,
// so adding screens does not slow down the first page.

export const appRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // A failing screen is reported inside the frame, so navigation stays usable.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'disks', lazy: () => import('../features/disks/DisksPage.tsx').then((m) => ({ Component: m.DisksPage })) },
              { path: 'disks/:id', lazy: () => import('../features/disks/DiskDetailPage.tsx').then((m) => ({ Component: m.DiskDetailPage })) },
              { path: 'snapshots', lazy: () => import('../features/snapshots/SnapshotsPage.tsx').then((m) => ({ Component: m.SnapshotsPage })) },
              { path: 'tasks', lazy: () => import('../features/tasks/TasksPage.tsx').then((m) => ({ Component: m.TasksPage })) },
              { path: 'tasks/:id', lazy: () => import('../features/tasks/TaskDetailPage.tsx').then((m) => ({ Component: m.TaskDetailPage })) },
              {
                path: 'settings',
                lazy: () => import('../features/settings/SettingsPage.tsx').then((m) => ({ Component: m.SettingsPage })),
                children: [
                  { index: true, element: <Navigate to="account" replace /> },
                  { path: 'account', lazy: () => import('../features/settings/AccountSettings.tsx').then((m) => ({ Component: m.AccountSettings })) },
                  { path: 'users', lazy: () => import('../features/settings/UsersSettings.tsx').then((m) => ({ Component: m.UsersSettings })) },
                  { path: 'audit', lazy: () => import('../features/settings/AuditSettings.tsx').then((m) => ({ Component: m.AuditSettings })) },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
