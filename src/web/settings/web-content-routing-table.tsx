import { Alert, Button, Checkbox, Group, List, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebContentRoute } from '../../shared/api/workflow.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { ScrollTable } from '../components/scroll-table.js';
import { StatusMessage } from '../components/status-message.js';
import { queryKeys } from '../data/query-keys.js';
import { putWebContentRouting } from '../data/reference.api.js';
import { useLabels } from '../i18n/labels.js';
import { problemFieldMessages } from '../lib/problem-text.js';
import {
  duplicateRows,
  emptyRoute,
  hasChanges,
  matchesFilter,
  placeServerErrors,
  TEXT_FIELDS,
  toEditable,
  toRoutes,
  type EditableRoute,
  type RouteField,
  type RoutingErrors,
} from './web-content-routing.js';

/** The id of a cell's input, for focus and the links of errors. */
const cellId = (key: string, field: RouteField) => `${key}-${field}`;
const deleteId = (key: string) => `${key}-delete`;

const NO_ERRORS: RoutingErrors = { cells: {}, others: [] };

type Change = <F extends RouteField>(key: string, field: F, value: EditableRoute[F]) => void;

/**
 * 附件二 as an editable table (TYPE-4, administrators): every cell an input named by its column and
 * row, rows added and deleted in place, the whole table saved at once (PUT replaces it, audited);
 * the server's messages appear at the cells they name.
 */
export function WebContentRoutingTable({ initial }: { initial: readonly WebContentRoute[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<readonly WebContentRoute[]>(initial);
  const [rows, setRows] = useState<EditableRoute[]>(() => toEditable(initial));
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<RoutingErrors>(NO_ERRORS);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  // What to focus once the table has rendered: a cell by its id, or the row now at a deleted row's index.
  const focusNext = useRef<string | number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const problem = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const following = typeof target === 'number' ? (rows[target] ?? rows[target - 1]) : undefined;
    const id = typeof target === 'number' ? (following ? deleteId(following.key) : null) : target;
    ((id ? document.getElementById(id) : null) ?? addButton.current)?.focus();
  });

  const save = useMutation({
    mutationFn: (sent: EditableRoute[]) => putWebContentRouting(toRoutes(sent)),
    onMutate: () => {
      setAnnouncement(null);
      setBlocked(false);
    },
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.settings('web-content-routing'), result);
      setSaved(result.rows);
      setRows(toEditable(result.rows));
      setErrors(NO_ERRORS);
      setAnnouncement(t('webContentRouting.saved', { count: result.rows.length }));
    },
    onError: (error, sent) => {
      const placed = placeServerErrors(problemFieldMessages(error, labels.language), sent);
      setErrors(placed);
      const first = sent.find((row) => placed.cells[row.key]);
      const field = first ? (Object.keys(placed.cells[first.key] ?? {})[0] as RouteField | undefined) : undefined;
      if (first && field) {
        // Go to the first cell at fault, showing every row if the filter hides it.
        if (!matchesFilter(first, filter)) setFilter('');
        focusNext.current = cellId(first.key, field);
      } else {
        requestAnimationFrame(() => problem.current?.focus());
      }
    },
  });
  const busy = save.isPending;
  const serverText = useProblemText(save.error);

  const change = useCallback<Change>((key, field, value) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
    // The message of a cell goes once the cell has been changed.
    setErrors((current) => {
      const cell = current.cells[key];
      if (!cell?.[field]) return current;
      const rest = { ...cell };
      delete rest[field];
      return { ...current, cells: { ...current.cells, [key]: rest } };
    });
  }, []);

  const remove = useCallback(
    (key: string, index: number, name: string) => {
      setRows((current) => current.filter((row) => row.key !== key));
      focusNext.current = index;
      setAnnouncement(t('webContentRouting.deleted', { row: index + 1, name: name || t('webContentRouting.unnamed') }));
    },
    [t],
  );

  const add = () => {
    const row = emptyRoute();
    setFilter('');
    setRows((current) => [...current, row]);
    focusNext.current = cellId(row.key, 'menu');
    setAnnouncement(t('webContentRouting.added', { row: rows.length + 1 }));
  };

  const discard = () => {
    setRows(toEditable(saved));
    setErrors(NO_ERRORS);
    save.reset();
    setBlocked(false);
    setAnnouncement(t('webContentRouting.discarded'));
  };

  const duplicates = useMemo(() => duplicateRows(rows), [rows]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const firstDuplicate = rows.find((row) => duplicates.has(row.key));
    if (firstDuplicate) {
      setBlocked(true);
      setFilter('');
      focusNext.current = cellId(firstDuplicate.key, 'item');
      return;
    }
    save.mutate(rows);
  };

  const shown = rows.map((row, index) => ({ row, number: index + 1 })).filter(({ row }) => matchesFilter(row, filter));
  const changed = hasChanges(rows, saved);
  const cellErrors = Object.values(errors.cells).reduce((n, cell) => n + Object.keys(cell).length, 0);
  // When the server named fields, the alert counts those still to correct (and goes once none is left).
  const serverNamedFields = save.isError && Object.keys(problemFieldMessages(save.error, labels.language)).length > 0;
  // Kept the same object across renders, so that the memoised rows do not all re-render.
  const columns = useMemo(
    () => ({
      menu: t('webContentRouting.columns.menu'),
      item: t('webContentRouting.columns.item'),
      responsibleUnit: t('webContentRouting.columns.responsibleUnit'),
      dataProvider: t('webContentRouting.columns.dataProvider'),
      note: t('webContentRouting.columns.note'),
      selfService: t('webContentRouting.columns.selfService'),
    }),
    [t],
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>{announcement}</StatusMessage>
      <div ref={problem} tabIndex={-1} className="focus-target">
        {blocked && duplicates.size > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')} mb="md">
            {t('webContentRouting.duplicatesFirst')}
          </Alert>
        )}
        {save.isError && !serverNamedFields && <ProblemAlert error={save.error} />}
        {serverNamedFields && (cellErrors > 0 || errors.others.length > 0) && (
          <Alert color="red" variant="light" role="alert" title={serverText.title ?? t('common.errorTitle')} mb="md">
            {cellErrors > 0 && <Text size="sm">{t('webContentRouting.fixCells', { count: cellErrors })}</Text>}
            {errors.others.length > 0 && (
              <List size="sm" mt="xs">
                {errors.others.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </div>
      <Group align="flex-end" justify="space-between" mb="sm" gap="sm">
        <TextInput
          label={t('webContentRouting.filter')}
          description={t('webContentRouting.filterHint')}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          maw="24rem"
          w="100%"
        />
        <Text size="sm" aria-live="polite">
          {t('webContentRouting.shown', { shown: shown.length, total: rows.length })}
        </Text>
      </Group>
      {rows.length === 0 ? (
        <Text>{t('webContentRouting.empty')}</Text>
      ) : (
        <ScrollTable minWidth={1100} label={t('webContentRouting.caption')}>
          <Table verticalSpacing="xs" captionSide="top" striped>
            <Table.Caption className="table-caption">{t('webContentRouting.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webContentRouting.columns.number')}</Table.Th>
                <Table.Th scope="col">{columns.menu}</Table.Th>
                <Table.Th scope="col">{columns.item}</Table.Th>
                <Table.Th scope="col">{columns.responsibleUnit}</Table.Th>
                <Table.Th scope="col">{columns.dataProvider}</Table.Th>
                <Table.Th scope="col">{columns.note}</Table.Th>
                <Table.Th scope="col">{columns.selfService}</Table.Th>
                <Table.Th scope="col">{t('webContentRouting.columns.delete')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ row, number }) => (
                <RouteRow
                  key={row.key}
                  row={row}
                  number={number}
                  columns={columns}
                  errors={errors.cells[row.key]}
                  duplicateOf={duplicates.get(row.key)}
                  onChange={change}
                  onDelete={remove}
                  disabled={busy}
                />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Group mt="md" gap="sm">
        <Button ref={addButton} variant="default" onClick={add} disabled={busy}>
          {t('webContentRouting.addRow')}
        </Button>
        <Button type="submit" loading={busy}>
          {t('webContentRouting.save')}
        </Button>
        <Button variant="default" onClick={discard} disabled={busy || !changed}>
          {t('webContentRouting.discard')}
        </Button>
        {changed && <Text size="sm">{t('webContentRouting.unsaved')}</Text>}
      </Group>
    </form>
  );
}

/** 「園區公告／最新公告」: a row by its menu and item. */
const routeName = (row: WebContentRoute) => [row.menu.trim(), row.item.trim()].filter(Boolean).join('／');

type RowProps = {
  row: EditableRoute;
  number: number;
  columns: Record<RouteField, string>;
  errors: Partial<Record<RouteField, string>> | undefined;
  duplicateOf: number | undefined;
  onChange: Change;
  onDelete: (key: string, index: number, name: string) => void;
  disabled: boolean;
};

/** One row of 附件二; memoised, as a table of some ninety rows re-renders on every keystroke otherwise. */
const RouteRow = memo(function RouteRow(props: RowProps) {
  const { row, number, columns, errors, duplicateOf, onChange, onDelete, disabled } = props;
  const { t } = useTranslation();
  const name = routeName(row);
  const cellLabel = (column: string) => t('webContentRouting.cell', { column, row: number });
  return (
    <Table.Tr>
      <Table.Th scope="row">{number}</Table.Th>
      {TEXT_FIELDS.map(({ field, maxLength, required }) => (
        <Table.Td key={field}>
          <TextInput
            id={cellId(row.key, field)}
            aria-label={cellLabel(columns[field])}
            size="sm"
            value={row[field]}
            maxLength={maxLength}
            required={required}
            onChange={(e) => onChange(row.key, field, e.currentTarget.value)}
            error={
              errors?.[field] ??
              (field === 'item' && duplicateOf !== undefined
                ? t('webContentRouting.duplicate', { row: duplicateOf })
                : undefined)
            }
            disabled={disabled}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Checkbox
          id={cellId(row.key, 'selfService')}
          aria-label={cellLabel(columns.selfService)}
          checked={row.selfService}
          onChange={(e) => onChange(row.key, 'selfService', e.currentTarget.checked)}
          error={errors?.selfService}
          disabled={disabled}
        />
      </Table.Td>
      <Table.Td>
        <Button
          id={deleteId(row.key)}
          variant="outline"
          color="red.9"
          size="compact-sm"
          aria-label={
            name
              ? t('webContentRouting.deleteRowNamed', { row: number, name })
              : t('webContentRouting.deleteRow', { row: number })
          }
          onClick={() => onDelete(row.key, number - 1, name)}
          disabled={disabled}
        >
          {t('webContentRouting.deleteButton')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
});
