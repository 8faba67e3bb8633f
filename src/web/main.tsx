import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18nReady } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// Only waits when English was chosen before (its texts are a separate chunk).
await i18nReady;

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
