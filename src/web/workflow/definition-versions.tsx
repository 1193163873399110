import { Anchor, Badge, Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RequestType } from '../../shared/request-vocabulary.js';
import { DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { queryKeys } from '../data/query-keys.js';
import { definitionFileName, definitionUrl, listDefinitionVersions } from '../data/workflows.api.js';

type Props = {
  type: RequestType;
  title: string;
  /**
   * Ask only once the catalogue has loaded: the server publishes the shipped definitions as version 1
   * when it first reads the catalogue, and lists no versions before that.
   */
  enabled?: boolean;
};

/** The published versions of a type's definition, the current one marked, each downloadable as JSON. */
export function DefinitionVersions({ type, title, enabled = true }: Props) {
  const { t } = useTranslation();
  const versions = useQuery({
    queryKey: queryKeys.definitionVersions(type),
    queryFn: () => listDefinitionVersions(type),
    enabled,
  });
  if (versions.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (versions.isError) return <ProblemAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.data.length === 0) return <Text>{t('workflowAdmin.noVersions')}</Text>;
  const caption = t('workflowAdmin.versionsCaption', { title });
  return (
    <ScrollTable minWidth={640} label={caption}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption className="table-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('workflowAdmin.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('workflowAdmin.columns.current')}</Table.Th>
            <Table.Th scope="col">{t('workflowAdmin.columns.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('workflowAdmin.columns.createdBy')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('workflowAdmin.columns.requests')}
            </Table.Th>
            <Table.Th scope="col">{t('workflowAdmin.columns.download')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((v) => {
            const file = definitionFileName(type, v.version);
            return (
              <Table.Tr key={v.version} aria-current={v.current ? 'true' : undefined}>
                <Table.Th scope="row" fw={v.current ? 700 : 400}>
                  {t('workflowAdmin.versionValue', { version: v.version })}
                </Table.Th>
                <Table.Td>
                  {v.current ? (
                    <Badge
                      variant="outline"
                      radius="sm"
                      styles={{
                        root: {
                          textTransform: 'none',
                          background: '#e5f6ea',
                          color: '#17502a',
                          borderColor: '#6cbf85',
                        },
                      }}
                    >
                      {t('workflowAdmin.current')}
                    </Badge>
                  ) : (
                    <Text size="sm">{t('workflowAdmin.older')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <DateTimeText value={v.createdAt} />
                </Table.Td>
                <Table.Td>{v.createdByName ?? t('workflowAdmin.shipped')}</Table.Td>
                <Table.Td ta="right">{v.requests}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={definitionUrl(type, v.version)}
                    download={file}
                    aria-label={t('workflowAdmin.downloadLabel', { version: v.version, file })}
                  >
                    {t('workflowAdmin.download')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
