import { Button, Group, NativeSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ASSET_KINDS, type AssetKind } from '../../shared/api/asset.schema.js';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { UnitSelect } from '../components/unit-select.js';
import { createAsset } from '../data/assets.api.js';
import { queryKeys } from '../data/query-keys.js';
import { firstInvalidAddress, splitAddresses } from './addresses.js';
import { useAssetLabels } from './asset-labels.js';

const EMPTY = {
  assetNumber: '',
  name: '',
  kind: 'server_ap' as AssetKind,
  ownerUnitId: '',
  rackLocation: '',
  ipAddresses: '',
  os: '',
  osVersion: '',
};

/** Enters an item by hand (editors of the register) and opens it. */
export function AssetCreateForm({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [ipError, setIpError] = useState<string | null>(null);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () =>
      createAsset({
        assetNumber: form.assetNumber,
        name: form.name,
        kind: form.kind,
        ownerUnitId: form.ownerUnitId || null,
        rackLocation: form.rackLocation,
        ipAddresses: splitAddresses(form.ipAddresses),
        os: form.os,
        osVersion: form.osVersion,
      }),
    onSuccess: (item) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.assets });
      void navigate(`/assets/${item.id}`);
    },
  });
  const server = useProblemText(create.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = firstInvalidAddress(splitAddresses(form.ipAddresses));
    setIpError(invalid ? t('assets.fields.ipInvalid', { value: invalid }) : null);
    if (!invalid) create.mutate();
  };
  return (
    <form onSubmit={onSubmit}>
      <Text mb="sm">{t('assets.createIntro')}</Text>
      {create.error !== null && (
        <ProblemAlert error={create.error} shownFields={['assetNumber', 'name', 'ipAddresses']} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('assets.fields.assetNumber')}
          required
          maxLength={50}
          value={form.assetNumber}
          onChange={(e) => set('assetNumber', e.currentTarget.value)}
          error={server.fields.assetNumber}
        />
        <TextInput
          label={t('assets.fields.name')}
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={server.fields.name}
        />
        <NativeSelect
          label={t('assets.fields.kind')}
          value={form.kind}
          onChange={(e) => set('kind', e.currentTarget.value as AssetKind)}
          data={ASSET_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
        />
        <UnitSelect
          label={t('assets.fields.ownerUnit')}
          units={units}
          emptyOption={t('assets.fields.noUnit')}
          value={form.ownerUnitId}
          onChange={(e) => set('ownerUnitId', e.currentTarget.value)}
        />
        <TextInput
          label={t('assets.fields.rackLocation')}
          description={t('assets.fields.rackHint')}
          maxLength={100}
          value={form.rackLocation}
          onChange={(e) => set('rackLocation', e.currentTarget.value)}
        />
        <Textarea
          label={t('assets.fields.ipAddresses')}
          description={t('assets.fields.ipHint')}
          autosize
          minRows={2}
          value={form.ipAddresses}
          onChange={(e) => set('ipAddresses', e.currentTarget.value)}
          error={ipError ?? server.fields.ipAddresses}
        />
        <TextInput
          label={t('assets.fields.os')}
          maxLength={100}
          value={form.os}
          onChange={(e) => set('os', e.currentTarget.value)}
        />
        <TextInput
          label={t('assets.fields.osVersion')}
          maxLength={100}
          value={form.osVersion}
          onChange={(e) => set('osVersion', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={create.isPending}>
          {t('assets.createSubmit')}
        </Button>
      </Group>
    </form>
  );
}
