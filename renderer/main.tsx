import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureWebTokenFromUrl } from './api/web-token';
import { Providers } from './app/Providers';
import { App } from './app/App';
import { ConnectionBanner } from './components/ConnectionBanner';
import { DesktopGate } from './app/DesktopGate';

// Before anything reads location.hash: the fragment may carry the web edition's token, not a route.
captureWebTokenFromUrl();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <Providers>
      <ConnectionBanner />
      <DesktopGate>
        <App />
      </DesktopGate>
    </Providers>
  </StrictMode>,
);
