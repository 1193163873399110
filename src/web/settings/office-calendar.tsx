import { Alert, Button, Center, Group, List, Loader, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText, DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { StatusMessage } from '../components/status-message.js';
import { ApiError } from '../data/client.js';
import { queryKeys } from '../data/query-keys.js';
import { getCalendarYear, importCalendar, listCalendarSources } from '../data/settings.api.js';
import { useLabels } from '../i18n/labels.js';
import { todayInTaipei } from '../lib/roc-date.js';
import { FilePicker } from '../requests/file-picker.js';

/** The office calendar (DGPA 辦公日曆表): what is loaded, one year's special days, and an import. */
export function OfficeCalendar() {
  return (
    <Stack gap="lg">
      <CalendarSources />
      <CalendarYearView />
      <CalendarImport />
    </Stack>
  );
}

function CalendarSources() {
  const { t } = useTranslation();
  const sources = useQuery({ queryKey: queryKeys.calendarSources, queryFn: listCalendarSources });
  if (sources.isPending) return <Loader aria-label={t('app.loading')} />;
  if (sources.isError) return <ProblemAlert error={sources.error} onRetry={() => void sources.refetch()} />;
  if (sources.data.length === 0) return <Text>{t('settings.noSources')}</Text>;
  return (
    <ScrollTable minWidth={640} label={t('settings.sourcesCaption')}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption className="table-caption">{t('settings.sourcesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('settings.sourceColumns.year')}</Table.Th>
            <Table.Th scope="col">{t('settings.sourceColumns.file')}</Table.Th>
            <Table.Th scope="col">{t('settings.sourceColumns.origin')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('settings.sourceColumns.days')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('settings.sourceColumns.holidays')}
            </Table.Th>
            <Table.Th scope="col">{t('settings.sourceColumns.importedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.data.map((s) => (
            <Table.Tr key={s.year}>
              <Table.Th scope="row">{s.year}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{s.fileName}</Table.Td>
              <Table.Td>{t(`settings.origins.${s.origin}`)}</Table.Td>
              <Table.Td ta="right">{s.dayCount}</Table.Td>
              <Table.Td ta="right">{s.holidayCount}</Table.Td>
              <Table.Td>
                <DateTimeText value={s.importedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function CalendarYearView() {
  const { t } = useTranslation();
  const labels = useLabels();
  const thisYear = Number(todayInTaipei().slice(0, 4));
  const [input, setInput] = useState<number | string>(thisYear);
  const [year, setYear] = useState(thisYear);
  const days = useQuery({ queryKey: queryKeys.calendarYear(year), queryFn: () => getCalendarYear(year) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = Number(input);
    if (Number.isInteger(next) && next >= 1912 && next <= 2200) setYear(next);
  };
  // Holidays on weekdays and working days on weekends are what differ from an ordinary week.
  const special = days.data?.days.filter((d) => (d.weekday === 0 || d.weekday === 6 ? !d.holiday : d.holiday)) ?? [];
  return (
    <div>
      <form onSubmit={onSubmit}>
        <Group align="flex-end" gap="sm" mb="sm">
          <NumberInput
            label={t('settings.year')}
            value={input}
            onChange={setInput}
            min={1912}
            max={2200}
            allowDecimal={false}
            w={140}
          />
          <Button type="submit" variant="default">
            {t('settings.showYear')}
          </Button>
        </Group>
      </form>
      {days.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {days.isError && <ProblemAlert error={days.error} onRetry={() => void days.refetch()} />}
      {days.data?.warning && (
        <Alert color="yellow" variant="light" mb="sm" styles={{ message: { color: '#5c3c00' } }}>
          {labels.localised(days.data.warning)}
        </Alert>
      )}
      {days.data && special.length === 0 && <Text>{t('settings.noSpecialDays')}</Text>}
      {days.data && special.length > 0 && (
        <ScrollTable minWidth={480} label={t('settings.daysCaption', { year: days.data.year })}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption className="table-caption">
              {t('settings.daysCaption', { year: days.data.year })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.dayColumns.date')}</Table.Th>
                <Table.Th scope="col">{t('settings.dayColumns.kind')}</Table.Th>
                <Table.Th scope="col">{t('settings.dayColumns.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {special.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Th scope="row" fw={400}>
                    <DateText value={d.date} format="short" />
                  </Table.Th>
                  <Table.Td fw={d.holiday ? 400 : 700}>
                    {d.holiday ? t('settings.holiday') : t('settings.workingSaturday')}
                  </Table.Td>
                  <Table.Td>{d.note || t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </div>
  );
}

function CalendarImport() {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: importCalendar,
    onSuccess: () => {
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const file = files[0];
    setMissing(!file);
    if (file) upload.mutate(file);
  };
  const lineErrors =
    upload.error instanceof ApiError
      ? (upload.error.problem?.errors ?? []).filter((e) => e.field.startsWith('file'))
      : [];
  const result = upload.data;
  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>
        {result
          ? t('settings.imported', {
              year: result.source.year,
              days: result.source.dayCount,
              holidays: result.source.holidayCount,
              saturdays: result.workingSaturdays,
            })
          : null}
      </StatusMessage>
      {upload.isError && (
        <>
          <ProblemAlert error={upload.error} shownFields={['file']} />
          {lineErrors.length > 0 && (
            <List size="sm" mb="md" data-testid="calendar-import-errors">
              {lineErrors.map((e, i) => (
                <List.Item key={`${e.field}-${i}`}>{labels.language === 'en' ? e.message : e.message_zh}</List.Item>
              ))}
            </List>
          )}
        </>
      )}
      <FilePicker
        label={t('settings.importLabel')}
        description={t('settings.importHint')}
        files={files}
        onChange={setFiles}
        error={missing ? t('settings.importChooseFirst') : undefined}
        accept=".csv,text/csv"
        multiple={false}
      />
      <Button type="submit" mt="sm" loading={upload.isPending}>
        {t('settings.importSubmit')}
      </Button>
    </form>
  );
}
