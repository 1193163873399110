import { Button, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Deputyship } from '../../shared/api/deputy.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { StatusMessage } from '../components/status-message.js';
import { revokeDeputyship } from '../data/deputies.api.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';

/** Deputyships with their period and state; the principal and administrators revoke running ones. */
export function DeputyTable({ deputyships }: { deputyships: readonly Deputyship[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (d: Deputyship) => revokeDeputyship(d.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.deputies }),
  });
  const person = (p: Deputyship['principal']) => labels.qualified(p.displayName, p.username);
  if (deputyships.length === 0) return <Text>{t('deputies.empty')}</Text>;
  return (
    <>
      <StatusMessage>{revoke.isSuccess ? t('deputies.revoked') : null}</StatusMessage>
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <ScrollTable minWidth={1000} label={t('deputies.listCaption')}>
        <Table striped verticalSpacing="xs" captionSide="top">
          <Table.Caption className="table-caption">{t('deputies.listCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('deputies.columns.principal')}</Table.Th>
              <Table.Th scope="col">{t('deputies.columns.role')}</Table.Th>
              <Table.Th scope="col">{t('deputies.columns.deputy')}</Table.Th>
              <Table.Th scope="col">{t('deputies.columns.period')}</Table.Th>
              <Table.Th scope="col">{t('deputies.columns.reason')}</Table.Th>
              <Table.Th scope="col">{t('deputies.columns.state')}</Table.Th>
              <Table.Th scope="col">{t('deputies.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deputyships.map((d) => {
              const role = labels.role(d.role);
              return (
                <Table.Tr key={d.id}>
                  <Table.Th scope="row" fw={400}>
                    {person(d.principal)}
                  </Table.Th>
                  <Table.Td>
                    {role}
                    {d.unit && (
                      <Text size="xs" c="dimmed">
                        {d.unit.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{person(d.deputy)}</Table.Td>
                  <Table.Td>
                    <DateTimeText value={d.startsAt} />
                    <br />
                    <DateTimeText value={d.endsAt} />
                  </Table.Td>
                  <Table.Td className="preserve-lines">{d.reason}</Table.Td>
                  <Table.Td>
                    <Text fw={d.state === 'active' ? 700 : undefined} component="span">
                      {t(`deputies.states.${d.state}`)}
                    </Text>
                    {d.state === 'active' && !d.effective && (
                      <Text size="xs" component="span">
                        {' '}
                        {t('deputies.notEffective')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.canRevoke && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red.9"
                        aria-label={t('deputies.revokeLabel', { deputy: d.deputy.displayName, role })}
                        loading={revoke.isPending && revoke.variables.id === d.id}
                        onClick={() => revoke.mutate(d)}
                      >
                        {t('deputies.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
