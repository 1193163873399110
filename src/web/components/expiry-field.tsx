import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserKind } from '../../shared/roles.js';
import { needsExpiry } from '../lib/account-rules.js';

type Props = { kind: UserKind; value: string; onChange: (value: string) => void; error?: string | undefined };

/** The last working day of an account: required outside the agency's staff (SEC-2, VEN-4). */
export function ExpiryField({ kind, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const required = needsExpiry(kind);
  return (
    <TextInput
      type="date"
      label={t('expiry.label')}
      description={required ? t('expiry.hintRequired') : t('expiry.hintOptional')}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
