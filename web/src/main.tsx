import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppProvider } from './app/provider';
import { restoreForm } from './app/restore-form';
import { SessionGate } from './features/account/components/session-gate';
import './index.css';

// The stored draft (and a link) load beside the first paint, which shows the studio loading meanwhile.
void restoreForm();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider>
      <SessionGate>
        <App />
      </SessionGate>
    </AppProvider>
  </StrictMode>,
);
