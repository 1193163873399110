import { Button, Group, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { listAssets } from '../data/assets.api.js';
import { queryKeys } from '../data/query-keys.js';

type Props = { label: string; description: string; submit: string };

/**
 * A search box over the register (asset number, name, serial number, address) that asks the
 * server on submit; the caller shows the results its own way.
 */
export function useAssetSearch() {
  const [q, setQ] = useState('');
  const query = { q, pageSize: 10 };
  const results = useQuery({
    queryKey: queryKeys.assetPage(query),
    queryFn: () => listAssets(query),
    enabled: q !== '',
  });
  return { q, setQ, results: results.data?.items, pending: results.isFetching, error: results.error };
}

export function AssetSearchBox({ label, description, submit, onSearch }: Props & { onSearch: (q: string) => void }) {
  const [text, setText] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form onSubmit={onSubmit} role="search">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={label}
          description={description}
          type="search"
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit" variant="default">
          {submit}
        </Button>
      </Group>
    </form>
  );
}
