import { Anchor, Badge, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AssetDetails } from '../assets/asset-details.js';
import { AssetHistory } from '../assets/asset-history.js';
import { useAssetLabels } from '../assets/asset-labels.js';
import { AssetRelations } from '../assets/asset-relations.js';
import { AssetRequests } from '../assets/asset-requests.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { STATUS_COLOURS } from '../components/status-badge.js';
import { getAsset } from '../data/assets.api.js';
import { ApiError } from '../data/client.js';
import { queryKeys } from '../data/query-keys.js';

/** One item of the register: its facts, relations, requests and history. */
export function AssetPage() {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const { id = '' } = useParams();
  const asset = useQuery({ queryKey: queryKeys.asset(id), queryFn: () => getAsset(id) });
  usePageTitle(asset.data ? t('assets.itemTitle', { number: asset.data.assetNumber }) : t('assets.loadingTitle'));

  if (asset.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (asset.isError) {
    const notFound = asset.error instanceof ApiError && asset.error.status === 404;
    return (
      <Stack align="flex-start">
        <Title order={1}>{t('assets.loadingTitle')}</Title>
        {notFound ? (
          <Text>{t('assets.notFound')}</Text>
        ) : (
          <ProblemAlert error={asset.error} onRetry={() => void asset.refetch()} />
        )}
        <Anchor component={Link} to="/assets">
          {t('assets.back')}
        </Anchor>
      </Stack>
    );
  }
  const a = asset.data;
  // In service reads as the request statuses' "resolved" green; carried out and retired as "closed".
  const colours = STATUS_COLOURS[a.status === 'in_service' ? 'resolved' : 'closed'];
  return (
    <>
      <Anchor component={Link} to="/assets" size="sm">
        ← {t('assets.back')}
      </Anchor>
      <Group gap="sm" align="center" mt="xs">
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
          {t('assets.itemTitle', { number: a.assetNumber })}
        </Title>
        <Badge
          variant="outline"
          radius="sm"
          size="lg"
          styles={{
            root: {
              background: colours.background,
              color: colours.color,
              borderColor: colours.border,
              textTransform: 'none',
              fontWeight: 700,
            },
          }}
        >
          {labels.status(a.status)}
        </Badge>
      </Group>
      <Text size="lg" mt={4} mb="md" fw={500}>
        {a.name}
      </Text>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <SectionCard title={t('assets.sectionDetails')}>
              <AssetDetails asset={a} />
            </SectionCard>
            <SectionCard title={t('assets.sectionRelations')}>
              <AssetRelations asset={a} />
            </SectionCard>
            <SectionCard title={t('assets.sectionRequests')}>
              <AssetRequests requests={a.requests} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SectionCard title={t('assets.sectionHistory')}>
            <AssetHistory entries={a.history} />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}
