/** Client routes; every page is its own chunk so the first load stays small. */
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppShell, HomeRedirect, PageSpinner, RequireSession } from './shell.js';

const LoginPage = lazy(() => import('./pages/login-page.js'));
const CandidateListPage = lazy(() => import('./pages/candidate-list-page.js'));
const CandidatePage = lazy(() => import('./pages/candidate-page.js'));
const TasksPage = lazy(() => import('./pages/tasks-page.js'));
const OutboxPage = lazy(() => import('./pages/outbox-page.js'));
const SettingsPage = lazy(() => import('./pages/settings-page.js'));
const AuditPage = lazy(() => import('./pages/audit-page.js'));
const PrivacyPage = lazy(() => import('./pages/privacy-page.js'));
const TalentPoolPage = lazy(() => import('./pages/talent-pool-page.js'));
const PipelinePage = lazy(() => import('./pages/pipeline-page.js'));
const ManagerPage = lazy(() => import('./pages/manager-page.js'));
const LogisticsBoardPage = lazy(() => import('./pages/logistics-board-page.js'));
const TemplatesPage = lazy(() => import('./pages/templates-page.js'));
const PlaybooksPage = lazy(() => import('./pages/playbooks-page.js'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.js'));

export const router = createBrowserRouter([
  { path: '/login', element: <Suspense fallback={<PageSpinner />}><LoginPage /></Suspense> },
  {
    element: <RequireSession><AppShell /></RequireSession>,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'candidates', element: <CandidateListPage /> },
      { path: 'candidates/:id', element: <CandidatePage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      { path: 'talent-pool', element: <TalentPoolPage /> },
      { path: 'pipeline', element: <PipelinePage /> },
      { path: 'my-hires', element: <ManagerPage /> },
      { path: 'logistics', element: <LogisticsBoardPage /> },
      { path: 'templates', element: <TemplatesPage /> },
      { path: 'playbooks', element: <PlaybooksPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
