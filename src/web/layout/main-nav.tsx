import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { Me } from '../../shared/api/auth.schema.js';
import { heldOnAccountPage } from '../auth/session.js';
import { canRequestAccounts } from '../data/queries.js';
import { offersWaitingQueue, WAITING_FOR_ME_PATH } from '../requests/list-params.js';

type Props = { me: Me; vertical?: boolean; id?: string; onNavigate?: () => void };

/** A menu entry; `waitingFor` tells the two entries on /requests apart by the address's `waitingFor=me`. */
type NavEntry = { to: string; label: string; end: boolean; waitingFor?: boolean };

/** The main menu; its entries follow the person's abilities. */
export function MainNav({ me, vertical = false, id, onNavigate }: Props) {
  const { t } = useTranslation();
  const waiting = new URLSearchParams(useLocation().search).get('waitingFor') === 'me';
  const account = { to: '/account', label: t('nav.account'), end: true };
  // Until a required password change or second factor is done, the account page is the only place to go (SEC-1).
  const links: NavEntry[] = heldOnAccountPage(me)
    ? [account]
    : [
        {
          to: '/requests',
          label: me.abilities.seeAllRequests ? t('nav.queue') : t('nav.myRequests'),
          end: true,
          waitingFor: false,
        },
        ...(offersWaitingQueue(me)
          ? [{ to: WAITING_FOR_ME_PATH, label: t('nav.waitingForMe'), end: true, waitingFor: true }]
          : []),
        { to: '/requests/new', label: t('nav.newRequest'), end: true },
        { to: '/request-types', label: t('catalogue.nav'), end: true },
        { to: '/notifications', label: t('notifications.title'), end: true },
        account,
        ...(me.abilities.seeAllRequests ? [{ to: '/reports/service-levels', label: t('reports.nav'), end: true }] : []),
        // Issue 6: the asset register (its readers, and staff for their units' items) and deputies (ORG-3).
        ...(me.abilities.readAllAssets || me.kind === 'staff'
          ? [{ to: '/assets', label: t('assets.nav'), end: false }]
          : []),
        ...(me.kind !== 'external' ? [{ to: '/deputies', label: t('deputies.nav'), end: true }] : []),
        ...(canRequestAccounts(me) ? [{ to: '/account-requests', label: t('accountRequests.nav'), end: true }] : []),
        ...(me.abilities.reviewAccounts ? [{ to: '/account-reviews', label: t('reviews.nav'), end: false }] : []),
        ...(me.abilities.manageUsers ? [{ to: '/admin/users', label: t('nav.adminUsers'), end: false }] : []),
        ...(me.abilities.manageSettings ? [{ to: '/admin/settings', label: t('settings.nav'), end: true }] : []),
        ...(me.abilities.manageSettings ? [{ to: '/admin/workflows', label: t('workflowAdmin.nav'), end: true }] : []),
        ...(me.abilities.readAudit ? [{ to: '/audit', label: t('audit.nav'), end: true }] : []),
      ];
  return (
    <nav aria-label={t('nav.main')} id={id} className={vertical ? 'app-mobile-nav' : undefined}>
      <Box
        component="ul"
        m={0}
        p={0}
        style={{
          listStyle: 'none',
          display: 'flex',
          flexDirection: vertical ? 'column' : 'row',
          flexWrap: 'wrap',
          gap: 4,
        }}
      >
        {links.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className="app-nav-link"
              onClick={onNavigate}
              // NavLink matches the path alone: the queue and 「待我處理」 share /requests.
              aria-current={link.waitingFor === undefined || link.waitingFor === waiting ? undefined : 'false'}
            >
              {link.label}
            </NavLink>
          </li>
        ))}
      </Box>
    </nav>
  );
}
