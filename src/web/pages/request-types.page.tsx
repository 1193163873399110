import { Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REQUEST_TYPES } from '../../shared/request-vocabulary.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useSession } from '../auth/session.js';
import { useRequestTypes } from '../data/queries.js';
import { RequestTypeCard } from '../workflow/request-type-card.js';

/**
 * The request-type catalogue (issue 3): what each type is for (000's seven, 001's data centre), the form it prints,
 * how it is filed, whether it needs an account, and its flow. Public, like the API behind it, so
 * that companies can read about the vendor account application before they have an account.
 */
export function RequestTypesPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const session = useSession();
  const types = useRequestTypes();
  // The handbook's order (TYPE-1 … TYPE-7), whatever order the server lists them in.
  const ordered = [...(types.data ?? [])].sort((a, b) => REQUEST_TYPES.indexOf(a.type) - REQUEST_TYPES.indexOf(b.type));
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('catalogue.title')}</Title>
        <Text mt={4}>{t('catalogue.intro')}</Text>
        {session.data === null && (
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('signIn.title')}
          </Anchor>
        )}
      </div>
      {types.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {types.isError && <ProblemAlert error={types.error} onRetry={() => void types.refetch()} />}
      {ordered.map((info) => (
        <RequestTypeCard key={info.type} info={info} />
      ))}
    </Stack>
  );
}
