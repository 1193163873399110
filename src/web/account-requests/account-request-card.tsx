import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountRequest } from '../../shared/api/account-request.schema.js';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { decideAccountRequest } from '../data/account-requests.api.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';
import { AccountRequestStatusBadge } from './account-request-status-badge.js';

type Step = NonNullable<AccountRequest['supervisorDecision']>;
type Outcome = 'approved' | 'rejected' | 'pending';

/** What each step decided, or that it is still to come. */
export function stepOutcomes(r: AccountRequest): { supervisor: Outcome; admin: Outcome } {
  const outcome = (step: Step | null): Outcome =>
    step === null ? 'pending' : step.decision === 'approve' ? 'approved' : 'rejected';
  return { supervisor: outcome(r.supervisorDecision), admin: outcome(r.adminDecision) };
}

type Props = {
  request: AccountRequest;
  units: readonly Unit[];
  canOpenAccounts: boolean;
  /** Told what was decided: the card's controls go once the request moves on. */
  onDecided: (message: string) => void;
};

/** One account request: who is asked for, which roles, why, both decisions, and the controls to decide. */
export function AccountRequestCard({ request: r, units, canOpenAccounts, onDecided }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const unitName = (id: string | null) => {
    if (id === null) return t('common.agencyWide');
    const unit = units.find((u) => u.id === id);
    return unit ? (labels.language === 'en' ? unit.nameEn : unit.name) : id;
  };
  const outcomes = stepOutcomes(r);
  const step = (who: 'supervisor' | 'admin', value: Step | null) => (
    <>
      <dt>{t(`accountRequests.step.${who}`)}</dt>
      <dd>
        <Text span fw={600}>
          {t(`accountRequests.outcome.${outcomes[who]}`)}
        </Text>
        {value && (
          <>
            {' · '}
            {value.byName} <DateTimeText value={value.at} />
            {value.note && (
              <Text size="sm" className="preserve-lines">
                {t('accountRequests.noteShown', { note: value.note })}
              </Text>
            )}
          </>
        )}
      </dd>
    </>
  );

  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="xs" gap="sm">
        <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {labels.qualified(r.displayName, r.username)}
        </Title>
        <AccountRequestStatusBadge status={r.status} />
      </Group>
      <dl className="field-list" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
        <dt>{t('accountRequests.ownerUnit')}</dt>
        <dd>{r.unitName}</dd>
        <dt>{t('admin.kind')}</dt>
        <dd>{t(`admin.userKinds.${r.kind}`)}</dd>
        <dt>{t('expiry.label')}</dt>
        <dd>{r.expiresOn ? <DateText value={r.expiresOn} /> : t('common.none')}</dd>
        <dt>{t('admin.roles')}</dt>
        <dd>{labels.list(r.roles.map((g) => labels.qualified(labels.role(g.role), unitName(g.unitId))))}</dd>
        <dt>{t('admin.email')}</dt>
        <dd style={{ overflowWrap: 'anywhere' }}>{r.email}</dd>
        <dt>{t('admin.phone')}</dt>
        <dd>{r.phone ?? t('common.none')}</dd>
        <dt>{t('accountRequests.reason')}</dt>
        <dd className="preserve-lines">{r.reason}</dd>
        <dt>{t('accountRequests.requestedBy')}</dt>
        <dd>
          {r.requestedByName} <DateTimeText value={r.requestedAt} />
        </dd>
        {step('supervisor', r.supervisorDecision)}
        {step('admin', r.adminDecision)}
      </dl>
      {r.createdUserId && canOpenAccounts && (
        <Anchor component={Link} to={`/admin/users/${r.createdUserId}`} size="sm" mt="xs" display="inline-block">
          {t('accountRequests.openAccount', { username: r.username })}
        </Anchor>
      )}
      {r.canDecide && <DecisionControls request={r} onDecided={onDecided} />}
    </Paper>
  );
}

/** Approve or refuse, with a note (required to refuse); the server says which step this is. */
function DecisionControls({ request: r, onDecided }: { request: AccountRequest; onDecided: Props['onDecided'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => decideAccountRequest(r.id, { decision, note: note.trim() }),
    onSuccess: (updated, decision) => {
      setNote('');
      onDecided(
        t(decision === 'approve' ? 'accountRequests.approved' : 'accountRequests.rejected', {
          username: updated.username,
          status: labels.accountRequestStatus(updated.status),
        }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountRequests });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
  });
  const server = useProblemText(decide.error);
  const adminStep = r.status === 'pending_admin';
  const run = (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    decide.mutate(decision);
  };
  return (
    <Stack gap="sm" mt="md" className="decision-controls">
      {decide.error && <ProblemAlert error={decide.error} shownFields={['note']} />}
      <Textarea
        label={t('accountRequests.note', { username: r.username })}
        description={t('accountRequests.noteHint')}
        autosize
        minRows={2}
        maxLength={500}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setNoteMissing(false);
        }}
        error={noteMissing ? t('accountRequests.noteRequired') : server.fields.note}
      />
      <Group gap="sm">
        <Button
          loading={decide.isPending && decide.variables === 'approve'}
          disabled={decide.isPending}
          onClick={() => run('approve')}
          aria-label={t(adminStep ? 'accountRequests.approveCreateLabel' : 'accountRequests.approveLabel', {
            username: r.username,
          })}
        >
          {adminStep ? t('accountRequests.approveCreate') : t('accountRequests.approve')}
        </Button>
        <Button
          variant="outline"
          color="red.9"
          loading={decide.isPending && decide.variables === 'reject'}
          disabled={decide.isPending}
          onClick={() => run('reject')}
          aria-label={t('accountRequests.rejectLabel', { username: r.username })}
        >
          {t('accountRequests.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
