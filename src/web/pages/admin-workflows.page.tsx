import { Anchor, Center, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REQUEST_TYPES, type RequestType } from '../../shared/request-vocabulary.js';
import { useMe } from '../auth/session.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { useRequestTypes } from '../data/queries.js';
import { useLabels } from '../i18n/labels.js';
import { DefinitionImport } from '../workflow/definition-import.js';
import { DefinitionVersions } from '../workflow/definition-versions.js';

const isRequestType = (value: string | null): value is RequestType =>
  value !== null && (REQUEST_TYPES as readonly string[]).includes(value);

/** Administration → 流程定義 (issue 3): each type's definition versions, their download, and the import of a new one. */
export function AdminWorkflowsPage() {
  const { t } = useTranslation();
  usePageTitle(t('workflowAdmin.title'));
  const me = useMe();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('type');
  const type: RequestType = isRequestType(chosen) ? chosen : REQUEST_TYPES[0];
  const types = useRequestTypes();

  if (!me.abilities.manageSettings) {
    return (
      <Stack>
        <Title order={1}>{t('workflowAdmin.title')}</Title>
        <Text>{t('workflowAdmin.forbidden')}</Text>
      </Stack>
    );
  }
  const info = types.data?.find((i) => i.type === type);
  const title = info ? labels.localised(info.title) : labels.type(type);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('workflowAdmin.title')}</Title>
        <Text mt={4}>{t('workflowAdmin.intro')}</Text>
      </div>
      <NativeSelect
        label={t('workflowAdmin.type')}
        value={type}
        onChange={(e) => setParams({ type: e.currentTarget.value }, { replace: true })}
        data={REQUEST_TYPES.map((value) => {
          const typeInfo = types.data?.find((i) => i.type === value);
          return { value, label: typeInfo ? labels.localised(typeInfo.title) : labels.type(value) };
        })}
        maw="28rem"
      />
      {types.isError && <ProblemAlert error={types.error} onRetry={() => void types.refetch()} />}
      <SectionCard title={t('workflowAdmin.versions')}>
        <DefinitionVersions type={type} title={title} enabled={types.isSuccess} />
        <Anchor component={Link} to="/request-types" size="sm" mt="sm" display="inline-block">
          {t('workflowAdmin.viewFlow')}
        </Anchor>
      </SectionCard>
      <SectionCard title={t('workflowAdmin.importTitle')}>
        {types.isPending ? (
          <Center py="md">
            <Loader aria-label={t('app.loading')} />
          </Center>
        ) : (
          <DefinitionImport key={type} type={type} title={title} currentVersion={info?.version ?? null} />
        )}
      </SectionCard>
    </Stack>
  );
}
