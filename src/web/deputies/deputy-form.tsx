import { Button, Group, NativeSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, RoleAssignment } from '../../shared/api/auth.schema.js';
import { NON_DEPUTISABLE_ROLES } from '../../shared/api/deputy.schema.js';
import type { Role } from '../../shared/roles.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { appointDeputy, listDeputyCandidates } from '../data/deputies.api.js';
import { listUsers } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { fromLocalInput, toLocalInput } from '../forms/date-time.js';
import { useLabels } from '../i18n/labels.js';

const DAY_MS = 86_400_000;

type Principal = { id: string; name: string; unitId: string | null; roles: readonly RoleAssignment[] };

/** A search box and the select of what it found. */
function PickPerson(props: {
  searchLabel: string;
  hint: string;
  chooseLabel: string;
  choose: string;
  value: string;
  error: ReactNode;
  options: Array<{ value: string; label: string }> | undefined;
  onSearch: (q: string) => void;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <div>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={props.searchLabel}
          description={props.hint}
          type="search"
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              props.onSearch(text.trim());
            }
          }}
          style={{ flex: '1 1 12rem' }}
        />
        <Button variant="default" onClick={() => props.onSearch(text.trim())}>
          {t('deputies.search')}
        </Button>
      </Group>
      {props.options && props.options.length === 0 && (
        <Text size="sm" mt={4}>
          {t('deputies.noMatches')}
        </Text>
      )}
      <NativeSelect
        mt="xs"
        label={props.chooseLabel}
        required
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data={[{ value: '', label: props.choose }, ...(props.options ?? [])]}
        error={props.error}
      />
    </div>
  );
}

/**
 * Appoints a deputy (ORG-3): administrators choose the principal, others appoint for themselves;
 * the roles offered are those the principal holds that someone may act in.
 */
export function DeputyForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const isAdmin = me.abilities.manageUsers;
  const [principalQ, setPrincipalQ] = useState<string | null>(null);
  const [deputyQ, setDeputyQ] = useState<string | null>(null);
  const [principalId, setPrincipalId] = useState(isAdmin ? '' : me.id);
  const [holding, setHolding] = useState('');
  const [deputyId, setDeputyId] = useState('');
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [endsAt, setEndsAt] = useState(() => toLocalInput(new Date(Date.now() + 7 * DAY_MS).toISOString()));
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);

  const people = useQuery({
    queryKey: queryKeys.users({ q: principalQ ?? '' }),
    queryFn: () => listUsers(principalQ ? { q: principalQ } : {}),
    enabled: isAdmin && principalQ !== null,
  });
  const candidates = useQuery({
    queryKey: queryKeys.deputyCandidates(deputyQ ?? ''),
    queryFn: () => listDeputyCandidates(deputyQ ?? ''),
    enabled: deputyQ !== null,
  });

  const principal: Principal | undefined = isAdmin
    ? people.data
        ?.filter((u) => u.id === principalId)
        .map((u) => ({ id: u.id, name: u.displayName, unitId: u.unitId, roles: u.roles }))[0]
    : { id: me.id, name: me.displayName, unitId: me.unitId, roles: me.roles };
  // One option per role and unit the principal holds it for.
  const holdings = (principal?.roles ?? []).filter((r) => !NON_DEPUTISABLE_ROLES.includes(r.role));
  const holdingKey = (r: RoleAssignment) => `${r.role}@${r.unitId ?? ''}`;
  const chosen = holdings.find((r) => holdingKey(r) === holding) ?? (holdings.length === 1 ? holdings[0] : undefined);
  const heldForSeveral = chosen ? holdings.filter((r) => r.role === chosen.role).length > 1 : false;

  const appoint = useMutation({
    mutationFn: () =>
      appointDeputy({
        principalId,
        deputyId,
        role: chosen!.role,
        ...(heldForSeveral ? { unitId: chosen!.unitId ?? principal?.unitId ?? null } : {}),
        startsAt: fromLocalInput(startsAt),
        endsAt: fromLocalInput(endsAt),
        reason: reason.trim(),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.deputies });
      setReason('');
    },
  });
  const server = useProblemText(appoint.error);
  const required = (field: string) => (missing.includes(field) ? t('deputies.required') : undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = [
      ...(principalId ? [] : ['principalId']),
      ...(chosen ? [] : ['role']),
      ...(deputyId ? [] : ['deputyId']),
      ...(fromLocalInput(startsAt) ? [] : ['startsAt']),
      ...(fromLocalInput(endsAt) ? [] : ['endsAt']),
      ...(reason.trim() ? [] : ['reason']),
    ];
    setMissing(gaps);
    if (gaps.length === 0) appoint.mutate();
  };
  const appointed = appoint.data;
  const roleLabel = (r: RoleAssignment) =>
    heldForSeveral || holdings.filter((h) => h.role === r.role).length > 1
      ? labels.qualified(labels.role(r.role), r.unitName ?? t('common.agencyWide'))
      : labels.role(r.role);

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>
        {appointed && appoint.isSuccess
          ? t('deputies.appointed', {
              deputy: appointed.deputy.displayName,
              principal: appointed.principal.displayName,
              role: labels.role(appointed.role as Role),
            })
          : null}
      </StatusMessage>
      {appoint.error !== null && (
        <ProblemAlert
          error={appoint.error}
          shownFields={['principalId', 'role', 'unitId', 'deputyId', 'startsAt', 'endsAt', 'reason']}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {isAdmin ? (
          <PickPerson
            searchLabel={t('deputies.principalSearch')}
            hint={t('deputies.principalHint')}
            chooseLabel={t('deputies.principal')}
            choose={t('deputies.choosePrincipal')}
            value={principalId}
            error={required('principalId') ?? server.fields.principalId}
            options={people.data?.map((u) => ({
              value: u.id,
              label: labels.qualified(u.displayName, u.username),
            }))}
            onSearch={(q) => {
              setPrincipalQ(q);
              setPrincipalId('');
              setHolding('');
            }}
            onChange={(id) => {
              setPrincipalId(id);
              setHolding('');
            }}
          />
        ) : (
          <Text fw={500}>{t('deputies.principalSelf', { name: me.displayName })}</Text>
        )}
        <PickPerson
          searchLabel={t('deputies.deputySearch')}
          hint={t('deputies.deputyHint')}
          chooseLabel={t('deputies.deputy')}
          choose={t('deputies.chooseDeputy')}
          value={deputyId}
          error={required('deputyId') ?? server.fields.deputyId}
          options={candidates.data
            ?.filter((c) => c.id !== principalId)
            .map((c) => ({ value: c.id, label: labels.qualified(c.displayName, c.unitName ?? c.username) }))}
          onSearch={(q) => {
            setDeputyQ(q);
            setDeputyId('');
          }}
          onChange={setDeputyId}
        />
        <div>
          {principal && holdings.length === 0 ? (
            <Text role="note">{t('deputies.noRoles')}</Text>
          ) : (
            <NativeSelect
              label={t('deputies.role')}
              required
              value={chosen ? holdingKey(chosen) : ''}
              onChange={(e) => setHolding(e.currentTarget.value)}
              data={[
                ...(holdings.length === 1 ? [] : [{ value: '', label: t('deputies.chooseRole') }]),
                ...holdings.map((r) => ({ value: holdingKey(r), label: roleLabel(r) })),
              ]}
              error={required('role') ?? server.fields.role ?? server.fields.unitId}
            />
          )}
        </div>
        <Textarea
          label={t('deputies.reason')}
          description={t('deputies.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={required('reason') ?? server.fields.reason}
        />
        <TextInput
          type="datetime-local"
          label={t('deputies.startsAt')}
          description={t('deputies.periodHint')}
          required
          value={startsAt}
          onChange={(e) => setStartsAt(e.currentTarget.value)}
          error={required('startsAt') ?? server.fields.startsAt}
        />
        <TextInput
          type="datetime-local"
          label={t('deputies.endsAt')}
          description={t('deputies.periodHint')}
          required
          value={endsAt}
          onChange={(e) => setEndsAt(e.currentTarget.value)}
          error={required('endsAt') ?? server.fields.endsAt}
        />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={appoint.isPending} disabled={principal !== undefined && holdings.length === 0}>
          {t('deputies.submit')}
        </Button>
      </Group>
    </form>
  );
}
