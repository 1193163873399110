import { Anchor, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The footer: where the API is documented (DOC-3). */
export function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <Container size="xl" py="md">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('app.footerNote')}
          </Text>
          <nav aria-label={t('app.footerNav')}>
            <Group gap="md">
              <Anchor href="/api/docs" size="sm">
                {t('app.footerApi')}
              </Anchor>
              <Anchor href="/api/openapi.json" size="sm">
                {t('app.footerOpenApi')}
              </Anchor>
            </Group>
          </nav>
        </Group>
      </Container>
    </footer>
  );
}
