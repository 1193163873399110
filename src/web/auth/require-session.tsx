import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../components/problem-alert.js';
import { heldOnAccountPage, useSession } from './session.js';

/**
 * Lets signed-in people through; sends others to the sign-in page and brings them back after.
 * An account that must change its password (SEC-1), or an administrator who must enrol a second
 * factor, is held on the account page until it has.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (session.isError) return <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  if (heldOnAccountPage(session.data.user) && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return children;
}
