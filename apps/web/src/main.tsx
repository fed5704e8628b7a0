import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { ToastProvider } from './shared/ui/toast.tsx';
import './shared/styles/tokens.css';
import './shared/styles/base.css';
import './shared/styles/controls.css';
import './shared/styles/forms.css';
import './shared/styles/feedback.css';
// menu.css before layout.css: the frame's narrow-screen rules reposition the menu.
import './shared/styles/menu.css';
import './shared/styles/layout.css';
import './shared/styles/pages.css';
import './shared/styles/data.css';
import './shared/styles/overlays.css';
import './shared/styles/projects.css';
import './shared/styles/project-settings.css';
import './shared/styles/people.css';
import './shared/styles/home.css';
import './shared/styles/tasks.css';
import './shared/styles/task-list.css';
import './shared/styles/task-templates.css';
import './shared/styles/command-palette.css';
import './shared/styles/realtime.css';
import './shared/styles/time.css';
import './shared/styles/time-reports.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html must contain <div id="root">');
}

const queryClient = createQueryClient();
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
