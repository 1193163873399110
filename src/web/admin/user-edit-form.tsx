import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserUpdate, type Unit, type UserSummary } from '../../shared/api/organisation.schema.js';
import { USER_KINDS, type UserKind } from '../../shared/roles.js';
import { ExpiryField } from '../components/expiry-field.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { RoleRows, toGrants, type RoleRow } from '../components/role-rows.js';
import { StatusMessage } from '../components/status-message.js';
import { UnitSelect } from '../components/unit-select.js';
import { updateUser } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { accountRuleIssues, lastWorkingDay } from '../lib/account-rules.js';

type Values = {
  displayName: string;
  email: string;
  phone: string;
  unitId: string;
  kind: UserKind;
  expiresOn: string;
  roles: RoleRow[];
  reason: string;
};

type Field = keyof Values;

function valuesOf(user: UserSummary): Values {
  return {
    displayName: user.displayName,
    email: user.email ?? '',
    phone: user.phone ?? '',
    unitId: user.unitId ?? '',
    kind: user.kind,
    expiresOn: user.expiresAt ? lastWorkingDay(user.expiresAt) : '',
    roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId ?? '' })),
    reason: '',
  };
}

const rolesKey = (rows: readonly RoleRow[]) =>
  rows
    .map((r) => `${r.role}@${r.unitId}`)
    .sort()
    .join(',');

/** Only what changed, with the reason: the server records each changed field (SEC-2). */
function changes(before: Values, after: Values): UserUpdate {
  const body: UserUpdate = { reason: after.reason.trim() };
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  if (after.displayName.trim() !== before.displayName) body.displayName = after.displayName.trim();
  if (text(after.email) !== text(before.email)) body.email = text(after.email);
  if (text(after.phone) !== text(before.phone)) body.phone = text(after.phone);
  if (after.unitId !== before.unitId) body.unitId = after.unitId;
  if (after.kind !== before.kind) body.kind = after.kind;
  if (after.expiresOn !== before.expiresOn) body.expiresOn = after.expiresOn === '' ? null : after.expiresOn;
  if (rolesKey(after.roles) !== rolesKey(before.roles)) body.roles = toGrants(after.roles);
  return body;
}

/** Edits an account: details, owner unit, kind, last working day and roles, with a reason (SEC-2). */
export function UserEditForm({ user, units }: { user: UserSummary; units: readonly Unit[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const before = valuesOf(user);
  const [values, setValues] = useState<Values>(before);
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const [unchanged, setUnchanged] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: (body: UserUpdate) => updateUser(user.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.user(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
      setValues({ ...valuesOf(updated) });
    },
  });
  const server = useProblemText(save.error);
  const error = (field: Field) => issues[field] ?? server.fields[field];
  const label: Record<Field, string> = {
    displayName: t('admin.displayName'),
    email: t('admin.email'),
    phone: t('admin.phone'),
    unitId: t('admin.unit'),
    kind: t('admin.kind'),
    expiresOn: t('expiry.label'),
    roles: t('admin.roles'),
    reason: t('userPage.reason'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const body = changes(before, values);
    const rules = accountRuleIssues(
      values.kind,
      values.expiresOn,
      values.roles.map((r) => r.role),
    );
    const found: Partial<Record<Field, string>> = {
      ...(rules.expiresOn ? { expiresOn: t('expiry.required') } : {}),
      ...(rules.roles ? { roles: t('roles.staffOnly') } : {}),
    };
    const parsed = UserUpdate.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        if (found[field]) continue;
        if (field === 'email') found.email = t('admin.validation.email');
        else if (field === 'expiresOn') found.expiresOn = t('expiry.invalid');
        else found[field] = t('admin.validation.required', { field: label[field] });
      }
    }
    const nothing = Object.keys(body).length === 1;
    setUnchanged(nothing);
    setIssues(found);
    if (!nothing && Object.keys(found).length === 0) save.mutate(body);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>
        {save.isSuccess ? t('userPage.saved', { username: user.username }) : unchanged ? t('userPage.unchanged') : null}
      </StatusMessage>
      {save.error && <ProblemAlert error={save.error} shownFields={Object.keys(label)} />}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={label.displayName}
            required
            maxLength={100}
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={error('displayName')}
          />
          <UnitSelect
            label={t('userPage.ownerUnit')}
            required
            units={units}
            value={values.unitId}
            onChange={(e) => set('unitId', e.currentTarget.value)}
            error={error('unitId')}
          />
          <TextInput
            label={label.email}
            type="email"
            autoComplete="off"
            maxLength={200}
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={error('email')}
          />
          <TextInput
            label={label.phone}
            type="tel"
            autoComplete="off"
            maxLength={30}
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={error('phone')}
          />
          <NativeSelect
            label={label.kind}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as UserKind)}
            data={USER_KINDS.map((k) => ({ value: k, label: t(`admin.userKinds.${k}`) }))}
            error={error('kind')}
          />
          <ExpiryField
            kind={values.kind}
            value={values.expiresOn}
            onChange={(v) => set('expiresOn', v)}
            error={error('expiresOn')}
          />
        </SimpleGrid>
        <RoleRows
          rows={values.roles}
          onChange={(rows) => set('roles', rows)}
          units={units}
          defaultUnitId={values.unitId}
          error={error('roles')}
          hint={t('roles.hint')}
        />
        <TextInput
          label={label.reason}
          description={t('userPage.reasonHint')}
          required
          maxLength={500}
          value={values.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={error('reason')}
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('userPage.save')}
        </Button>
      </Stack>
    </form>
  );
}
