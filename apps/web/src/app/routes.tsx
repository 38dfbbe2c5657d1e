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
              { path: 'servers', lazy: () => import('../features/servers/ServersPage.tsx').then((m) => ({ Component: m.ServersPage })) },
              { path: 'servers/create', lazy: () => import('../features/servers/CreateServerPage.tsx').then((m) => ({ Component: m.CreateServerPage })) },
              { path: 'servers/:id', lazy: () => import('../features/servers/ServerDetailPage.tsx').then((m) => ({ Component: m.ServerDetailPage })) },
              { path: 'disks', lazy: () => import('../features/disks/DisksPage.tsx').then((m) => ({ Component: m.DisksPage })) },
              { path: 'disks/:id', lazy: () => import('../features/disks/DiskDetailPage.tsx').then((m) => ({ Component: m.DiskDetailPage })) },
              { path: 'snapshots', lazy: () => import('../features/snapshots/SnapshotsPage.tsx').then((m) => ({ Component: m.SnapshotsPage })) },
              { path: 'vaults', lazy: () => import('../features/vaults/VaultsPage.tsx').then((m) => ({ Component: m.VaultsPage })) },
              { path: 'vaults/:id', lazy: () => import('../features/vaults/VaultDetailPage.tsx').then((m) => ({ Component: m.VaultDetailPage })) },
              { path: 'backups', lazy: () => import('../features/backups/BackupsPage.tsx').then((m) => ({ Component: m.BackupsPage })) },
              { path: 'backups/:id', lazy: () => import('../features/backups/BackupDetailPage.tsx').then((m) => ({ Component: m.BackupDetailPage })) },
              { path: 'policies', lazy: () => import('../features/policies/PoliciesPage.tsx').then((m) => ({ Component: m.PoliciesPage })) },
              { path: 'policies/:id', lazy: () => import('../features/policies/PolicyDetailPage.tsx').then((m) => ({ Component: m.PolicyDetailPage })) },
              { path: 'vbs', lazy: () => import('../features/vbs/VbsPage.tsx').then((m) => ({ Component: m.VbsPage })) },
              { path: 'tasks', lazy: () => import('../features/tasks/TasksPage.tsx').then((m) => ({ Component: m.TasksPage })) },
              { path: 'tasks/:id', lazy: () => import('../features/tasks/TaskDetailPage.tsx').then((m) => ({ Component: m.TaskDetailPage })) },
              { path: 'calls', lazy: () => import('../features/calls/CallsPage.tsx').then((m) => ({ Component: m.CallsPage })) },
              { path: 'calls/:id', lazy: () => import('../features/calls/CallDetailPage.tsx').then((m) => ({ Component: m.CallDetailPage })) },
              { path: 'emulator', lazy: () => import('../features/emulator/EmulatorPage.tsx').then((m) => ({ Component: m.EmulatorPage })) },
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
