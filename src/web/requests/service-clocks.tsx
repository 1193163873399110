import { Progress, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Clock } from '../../shared/api/request.schema.js';
import { DateTimeText } from '../components/date-text.js';
import { useLabels } from '../i18n/labels.js';

/** The request's service-level clocks (SLA-2): target, basis, state, due time and share used. */
export function ServiceClocks({ clocks }: { clocks: readonly Clock[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (clocks.length === 0) return <Text>{t('sla.noClocks')}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs" captionSide="top">
        <Table.Caption>
          <VisuallyHidden>{t('sla.caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sla.target')}</Table.Th>
            <Table.Th scope="col">{t('sla.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clocks.map((clock) => {
            const percent = Math.round(Math.max(0, clock.shareUsed) * 100);
            const breached = clock.breachedAt !== null;
            return (
              <Table.Tr key={clock.key}>
                <Table.Th scope="row" fw={600}>
                  {labels.localised(clock.label)}
                  <Text size="xs" fw={400}>
                    {t(`sla.basis.${clock.basis}`)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{t(`sla.clockStatus.${clock.status}`)}</Text>
                  {clock.dueAt && (
                    <Text size="xs">
                      {t('sla.dueAt')}：<DateTimeText value={clock.dueAt} />
                    </Text>
                  )}
                  {clock.breachedAt && (
                    <Text size="xs" c="#7f1d14" fw={600}>
                      {t('sla.breachedAt')} <DateTimeText value={clock.breachedAt} />
                    </Text>
                  )}
                  <Progress
                    value={Math.min(100, percent)}
                    color={breached ? 'red.9' : percent >= 75 ? 'yellow.8' : 'govBlue'}
                    size="sm"
                    mt={4}
                    aria-label={t('sla.used', { percent })}
                  />
                  <Text size="xs">{t('sla.used', { percent })}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
