import { Button, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountRequestCreate } from '../../shared/api/account-request.schema.js';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { USER_KINDS, type UserKind } from '../../shared/roles.js';
import { ExpiryField } from '../components/expiry-field.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { RoleRows, toGrants, type RoleRow } from '../components/role-rows.js';
import { StatusMessage } from '../components/status-message.js';
import { UnitSelect } from '../components/unit-select.js';
import { createAccountRequest } from '../data/account-requests.api.js';
import { queryKeys } from '../data/query-keys.js';
import { accountRuleIssues } from '../lib/account-rules.js';

type Values = {
  username: string;
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

const empty = (unitId: string): Values => ({
  username: '',
  displayName: '',
  email: '',
  phone: '',
  unitId,
  kind: 'staff',
  expiresOn: '',
  roles: [{ role: 'requester', unitId }],
  reason: '',
});

function toBody(v: Values): AccountRequestCreate {
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    email: v.email.trim(),
    phone: v.phone.trim() === '' ? null : v.phone.trim(),
    unitId: v.unitId,
    kind: v.kind,
    expiresOn: v.expiresOn === '' ? null : v.expiresOn,
    roles: toGrants(v.roles),
    reason: v.reason.trim(),
  };
}

/** Asks for an account: who, which roles for which units, and why (SEC-2, least privilege). */
export function AccountRequestForm({ units, defaultUnitId }: { units: readonly Unit[]; defaultUnitId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => empty(defaultUnitId));
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const create = useMutation({
    mutationFn: () => createAccountRequest(toBody(values)),
    onSuccess: () => {
      setValues(empty(defaultUnitId));
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountRequests });
    },
  });
  const server = useProblemText(create.error);
  const error = (field: Field) => issues[field] ?? server.fields[field];
  const label: Record<Field, string> = {
    username: t('admin.username'),
    displayName: t('admin.displayName'),
    email: t('admin.email'),
    phone: t('admin.phone'),
    unitId: t('accountRequests.ownerUnit'),
    kind: t('admin.kind'),
    expiresOn: t('expiry.label'),
    roles: t('admin.roles'),
    reason: t('accountRequests.reason'),
  };

  const validate = (): Partial<Record<Field, string>> => {
    const rules = accountRuleIssues(
      values.kind,
      values.expiresOn,
      values.roles.map((r) => r.role),
    );
    const found: Partial<Record<Field, string>> = {
      ...(rules.expiresOn ? { expiresOn: t('expiry.required') } : {}),
      ...(rules.roles ? { roles: t('roles.staffOnly') } : {}),
    };
    const parsed = AccountRequestCreate.safeParse(toBody(values));
    if (parsed.success) return found;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      if (found[field]) continue;
      if (field === 'username') found.username = t('admin.validation.username');
      else if (field === 'email' && values.email.trim() !== '') found.email = t('admin.validation.email');
      else if (field === 'roles') found.roles = t('admin.validation.roles');
      else if (field === 'expiresOn') found.expiresOn = t('expiry.invalid');
      else found[field] = t('admin.validation.required', { field: label[field] });
    }
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setIssues(found);
    if (Object.keys(found).length === 0) create.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>
        {create.isSuccess ? t('accountRequests.filed', { username: create.data.username }) : null}
      </StatusMessage>
      {create.error && <ProblemAlert error={create.error} shownFields={Object.keys(label)} />}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={label.username}
            description={t('admin.usernameHint')}
            required
            autoComplete="off"
            maxLength={50}
            value={values.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={error('username')}
          />
          <TextInput
            label={label.displayName}
            required
            maxLength={100}
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={error('displayName')}
          />
          <TextInput
            label={label.email}
            description={t('accountRequests.emailHint')}
            type="email"
            required
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
          <UnitSelect
            label={label.unitId}
            required
            units={units}
            emptyOption=""
            value={values.unitId}
            onChange={(e) => set('unitId', e.currentTarget.value)}
            error={error('unitId')}
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
          hint={t('accountRequests.rolesHint')}
        />
        <Textarea
          label={label.reason}
          description={t('accountRequests.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={values.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={error('reason')}
        />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('accountRequests.submit')}
        </Button>
      </Stack>
    </form>
  );
}
