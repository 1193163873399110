import { Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OffboardBody, Unit, UserSummary } from '../../shared/api/organisation.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { UnitSelect } from '../components/unit-select.js';
import { offboardUser, type OffboardResult } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';
import { HoldingsList } from './holdings-list.js';

type Mode = OffboardBody['mode'];
type Issues = { unitId?: string; reason?: string };

/**
 * 調職 (transfer: every role removed, moved to the new unit as a requester) or 離職 (leaving: the
 * account is disabled), with a reason and a confirmation; then what the person still holds.
 */
type Props = { user: UserSummary; units: readonly Unit[]; onDone: () => void };

export function OffboardForm({ user, units, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('transfer');
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [result, setResult] = useState<{ mode: Mode; data: OffboardResult } | null>(null);
  const offboard = useMutation({
    mutationFn: (body: OffboardBody) => offboardUser(user.id, body),
    onSuccess: (data, body) => {
      setResult({ mode: body.mode, data });
      setReason('');
      setUnitId('');
      queryClient.setQueryData(queryKeys.user(user.id), data.user);
      queryClient.setQueryData(queryKeys.holdings(user.id), data.holdings);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
      onDone();
    },
  });
  const server = useProblemText(offboard.error);
  const unitName = (id: string) => {
    const unit = units.find((u) => u.id === id);
    return unit ? (labels.language === 'en' ? unit.nameEn : unit.name) : '';
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Issues = {
      ...(mode === 'transfer' && unitId === '' ? { unitId: t('offboard.unitRequired') } : {}),
      ...(reason.trim() === '' ? { reason: t('admin.validation.required', { field: t('offboard.reason') }) } : {}),
    };
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    const question =
      mode === 'transfer'
        ? t('offboard.confirmTransfer', { name: user.displayName, unit: unitName(unitId) })
        : t('offboard.confirmLeave', { name: user.displayName });
    if (!window.confirm(question)) return;
    setResult(null);
    offboard.mutate(mode === 'transfer' ? { mode, unitId, reason: reason.trim() } : { mode, reason: reason.trim() });
  };

  return (
    <Stack gap="sm">
      <StatusMessage>
        {result
          ? result.mode === 'transfer'
            ? t('offboard.transferred', { name: user.displayName, unit: result.data.user.unitName ?? '' })
            : t('offboard.left', { name: user.displayName })
          : null}
      </StatusMessage>
      {result && (
        <section aria-label={t('offboard.stillHolds')} className="offboard-result">
          <Text fw={700} mb="xs">
            {t('offboard.stillHolds')}
          </Text>
          <HoldingsList holdings={result.data.holdings} />
        </section>
      )}
      {user.disabled ? (
        <Text>{t('offboard.alreadyDisabled')}</Text>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          {offboard.error && <ProblemAlert error={offboard.error} shownFields={['unitId', 'reason']} />}
          <Stack gap="sm">
            <Radio.Group
              label={t('offboard.mode')}
              value={mode}
              onChange={(v) => setMode(v === 'leave' ? 'leave' : 'transfer')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="transfer" label={t('offboard.transfer')} description={t('offboard.transferHint')} />
                <Radio value="leave" label={t('offboard.leave')} description={t('offboard.leaveHint')} />
              </Stack>
            </Radio.Group>
            {mode === 'transfer' && (
              <UnitSelect
                label={t('offboard.newUnit')}
                required
                units={units}
                emptyOption=""
                value={unitId}
                onChange={(e) => setUnitId(e.currentTarget.value)}
                error={issues.unitId ?? server.fields.unitId}
              />
            )}
            <TextInput
              label={t('offboard.reason')}
              description={t('offboard.reasonHint')}
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={issues.reason ?? server.fields.reason}
            />
            <Button
              type="submit"
              color="red.9"
              variant={mode === 'leave' ? 'filled' : 'outline'}
              loading={offboard.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {mode === 'transfer' ? t('offboard.submitTransfer') : t('offboard.submitLeave')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
