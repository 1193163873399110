import { Box, Container } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session.js';
import { AppFooter } from './app-footer.js';
import { AppHeader } from './app-header.js';

/** Skip link, banner, main content and footer around every page. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page so screen readers read it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <Box style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader me={session.data?.user ?? null} />
      <Box component="main" id="main" ref={main} tabIndex={-1} style={{ flex: 1 }}>
        <Container size="xl" py="lg">
          <Outlet />
        </Container>
      </Box>
      <AppFooter />
    </Box>
  );
}
