import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserCreate, type Unit } from '../../shared/api/organisation.schema.js';
import { ROLES, USER_KINDS, type Role, type UserKind } from '../../shared/roles.js';
import { createUser } from '../data/organisation.api.js';
import { queryKeys } from '../data/query-keys.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { ExpiryField } from '../components/expiry-field.js';
import { UnitSelect } from '../components/unit-select.js';
import { useLabels } from '../i18n/labels.js';
import { accountRuleIssues } from '../lib/account-rules.js';
import { PasswordField } from '../components/password-field.js';

type Values = {
  username: string;
  displayName: string;
  email: string;
  phone: string;
  unitId: string;
  kind: UserKind;
  expiresOn: string;
  roles: Role[];
  scope: 'agency' | 'unit';
  password: string;
  reason: string;
};

const EMPTY: Values = {
  username: '',
  displayName: '',
  email: '',
  phone: '',
  unitId: '',
  kind: 'staff',
  expiresOn: '',
  roles: ['requester'],
  scope: 'unit',
  password: '',
  reason: '',
};

function toBody(v: Values): UserCreate {
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    email: v.email.trim() === '' ? null : v.email.trim(),
    phone: v.phone.trim() === '' ? null : v.phone.trim(),
    unitId: v.unitId,
    kind: v.kind,
    expiresOn: v.expiresOn === '' ? null : v.expiresOn,
    roles: v.roles.map((role) => ({ role, unitId: v.scope === 'unit' ? v.unitId : null })),
    password: v.password,
    reason: v.reason.trim(),
  };
}

type Field =
  'username' | 'displayName' | 'email' | 'phone' | 'unitId' | 'kind' | 'expiresOn' | 'roles' | 'password' | 'reason';

/** Creates an account with its unit, roles and the reason it is created (SEC-2). */
export function UserCreateForm({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const rolesLegend = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const create = useMutation({
    mutationFn: () => createUser(toBody(values)),
    onSuccess: () => {
      setValues(EMPTY);
      void queryClient.invalidateQueries({ queryKey: queryKeys.allUsers });
    },
  });
  const server = useProblemText(create.error);
  const error = (field: Field) => issues[field] ?? server.fields[field];

  const label: Record<Field, string> = {
    username: t('admin.username'),
    displayName: t('admin.displayName'),
    email: t('admin.email'),
    phone: t('admin.phone'),
    unitId: t('admin.unit'),
    kind: t('admin.kind'),
    expiresOn: t('expiry.label'),
    roles: t('admin.roles'),
    password: t('admin.password'),
    reason: t('admin.reason'),
  };

  /** Mirrors the shared UserCreate schema, with messages people can act on. */
  const validate = (): Partial<Record<Field, string>> => {
    const parsed = UserCreate.safeParse(toBody(values));
    const rules = accountRuleIssues(values.kind, values.expiresOn, values.roles);
    const found: Partial<Record<Field, string>> = {
      ...(rules.expiresOn ? { expiresOn: t('expiry.required') } : {}),
      ...(rules.roles ? { roles: t('roles.staffOnly') } : {}),
    };
    if (parsed.success) return found;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      if (found[field]) continue;
      if (field === 'username') found.username = t('admin.validation.username');
      else if (field === 'email') found.email = t('admin.validation.email');
      else if (field === 'roles') found.roles = t('admin.validation.roles');
      else if (field === 'password') found.password = t('admin.validation.password');
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

  const toggleRole = (role: Role, on: boolean) =>
    set('roles', on ? [...values.roles, role] : values.roles.filter((r) => r !== role));

  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>{create.isSuccess ? t('admin.created', { username: create.data.username }) : null}</StatusMessage>
      {create.error && <ProblemAlert error={create.error} shownFields={Object.keys(label)} />}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={label.username}
            description={t('admin.usernameHint')}
            required
            autoComplete="off"
            value={values.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={error('username')}
          />
          <TextInput
            label={label.displayName}
            required
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={error('displayName')}
          />
          <TextInput
            label={label.email}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={error('email')}
          />
          <TextInput
            label={label.phone}
            type="tel"
            autoComplete="off"
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
            label={t('admin.kind')}
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
        <fieldset className="form-fieldset" aria-describedby={error('roles') ? `${rolesLegend}-error` : undefined}>
          <legend id={rolesLegend}>{labels.qualified(label.roles, t('admin.rolesHint'))}</legend>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
            {ROLES.map((role) => (
              <Checkbox
                key={role}
                label={labels.role(role)}
                checked={values.roles.includes(role)}
                onChange={(e) => toggleRole(role, e.currentTarget.checked)}
              />
            ))}
          </SimpleGrid>
          {error('roles') && (
            <Text id={`${rolesLegend}-error`} c="var(--mantine-color-error)" size="sm" mt="xs">
              {error('roles')}
            </Text>
          )}
        </fieldset>
        <NativeSelect
          label={t('admin.roleScope')}
          value={values.scope}
          onChange={(e) => set('scope', e.currentTarget.value === 'agency' ? 'agency' : 'unit')}
          data={[
            { value: 'unit', label: t('admin.roleScopeUnit') },
            { value: 'agency', label: t('admin.roleScopeAgency') },
          ]}
          maw={420}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <PasswordField
            label={label.password}
            description={t('admin.passwordHint')}
            required
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={error('password')}
          />
          <TextInput
            label={label.reason}
            description={t('admin.reasonHint')}
            required
            maxLength={500}
            value={values.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={error('reason')}
          />
        </SimpleGrid>
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('admin.submit')}
        </Button>
      </Stack>
    </form>
  );
}
