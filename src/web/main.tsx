import './zod-config.js';
import '@mantine/core/styles.css';
import './styles/app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app-routes.js';
import { initI18n } from './i18n/index.js';
import { createQueryClient } from './query-client.js';
import { cssVariablesResolver, theme } from './theme.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

await initI18n();
const queryClient = createQueryClient();

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
