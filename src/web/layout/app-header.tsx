import { Box, Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../shared/api/auth.schema.js';
import { heldOnAccountPage, useSignOut } from '../auth/session.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { LanguageSwitch } from './language-switch.js';
import { MainNav } from './main-nav.js';

const MOBILE_NAV_ID = 'mobile-nav';

/** The banner: name of the system, menu, the signed-in person, language and sign-out. */
export function AppHeader({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const [menuOpen, menu] = useDisclosure(false);
  const navigate = useNavigate();
  const signOut = useSignOut();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => void navigate('/sign-in', { state: { signedOut: true } }),
    });

  return (
    <header className="app-header">
      <Container size="xl" py="sm">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="lg" wrap="nowrap">
            <Link to="/" style={{ textDecoration: 'none' }}>
              <Text component="span" fw={800} size="lg" c="white">
                {t('app.name')}
              </Text>{' '}
              <Text component="span" size="sm" c="white" visibleFrom="xs">
                {t('app.fullName')}
              </Text>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me && (
              <Box visibleFrom="md" ta="right">
                <Text size="sm" c="white" fw={600}>
                  {me.displayName}
                </Text>
                <Text size="xs" c="white">
                  {me.unitName ?? t('nav.noUnit')}
                </Text>
              </Box>
            )}
            {me && !heldOnAccountPage(me) && <NotificationBell />}
            <LanguageSwitch />
            {me && (
              <Button
                visibleFrom="md"
                variant="white"
                size="compact-sm"
                color="govBlue.9"
                onClick={onSignOut}
                loading={signOut.isPending}
              >
                {t('nav.signOut')}
              </Button>
            )}
            {me && (
              <Burger
                hiddenFrom="md"
                color="white"
                opened={menuOpen}
                onClick={menu.toggle}
                aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={menuOpen}
                aria-controls={MOBILE_NAV_ID}
              />
            )}
          </Group>
        </Group>
        {/* The menu has its own row: an administrator's ten entries do not fit beside the banner. */}
        {me && (
          <Box visibleFrom="md" pt="xs" style={{ marginLeft: '-0.75rem' }}>
            <MainNav me={me} />
          </Box>
        )}
        {me && menuOpen && (
          <Box hiddenFrom="md" pt="sm" pb="xs">
            <Stack gap="xs">
              <MainNav me={me} vertical id={MOBILE_NAV_ID} onNavigate={menu.close} />
              <Box px="sm" pt="xs" style={{ borderTop: '1px solid rgba(255,255,255,0.4)' }}>
                <Text size="sm" c="white" fw={600}>
                  {t('nav.signedInAs', { name: me.displayName })}
                </Text>
                <Text size="xs" c="white">
                  {me.unitName ?? t('nav.noUnit')}
                </Text>
                <Button mt="sm" variant="white" size="compact-sm" color="govBlue.9" onClick={onSignOut}>
                  {t('nav.signOut')}
                </Button>
              </Box>
            </Stack>
          </Box>
        )}
      </Container>
    </header>
  );
}
