import { Button, Group, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetDetail } from '../../shared/api/asset.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { updateAsset } from '../data/assets.api.js';
import { queryKeys } from '../data/query-keys.js';
import { firstInvalidAddress, splitAddresses } from './addresses.js';

const FIELDS = ['name', 'rackLocation', 'os', 'osVersion', 'brand', 'model', 'serialNumber'] as const;
type Field = (typeof FIELDS)[number];

/** Changes an item's facts; the server records each changed field with its old and new value. */
export function AssetEditForm({ asset, onDone }: { asset: AssetDetail; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, asset[f]])) as Record<Field, string>,
  );
  const [addresses, setAddresses] = useState(asset.ipAddresses.join('\n'));
  const [ipError, setIpError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => updateAsset(asset.id, { ...values, ipAddresses: splitAddresses(addresses) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.asset(asset.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assets, refetchType: 'none' });
      onDone(true);
    },
  });
  const server = useProblemText(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = firstInvalidAddress(splitAddresses(addresses));
    setIpError(invalid ? t('assets.fields.ipInvalid', { value: invalid }) : null);
    if (!invalid) save.mutate();
  };
  const input = (field: Field, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required={field === 'name'}
      maxLength={field === 'name' ? 200 : 100}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
      error={server.fields[field]}
    />
  );
  return (
    <form onSubmit={onSubmit}>
      {save.error !== null && <ProblemAlert error={save.error} shownFields={[...FIELDS, 'ipAddresses']} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {input('name', t('assets.fields.name'))}
        {input('rackLocation', t('assets.fields.rackLocation'), t('assets.fields.rackHint'))}
        <Textarea
          label={t('assets.fields.ipAddresses')}
          description={t('assets.fields.ipHint')}
          autosize
          minRows={2}
          value={addresses}
          onChange={(e) => setAddresses(e.currentTarget.value)}
          error={ipError ?? server.fields.ipAddresses}
        />
        {input('os', t('assets.fields.os'))}
        {input('osVersion', t('assets.fields.osVersion'))}
        {input('brand', t('assets.fields.brand'))}
        {input('model', t('assets.fields.model'))}
        {input('serialNumber', t('assets.fields.serialNumber'))}
      </SimpleGrid>
      <Group mt="md" gap="sm">
        <Button type="submit" loading={save.isPending}>
          {t('assets.editSubmit')}
        </Button>
        <Button type="button" variant="default" onClick={() => onDone(false)}>
          {t('assets.editCancel')}
        </Button>
      </Group>
    </form>
  );
}
