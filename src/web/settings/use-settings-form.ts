import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../data/query-keys.js';

/** Saving one settings section: the mutation, and whether it just succeeded (for the live region). */
export function useSaveSetting<T>(name: string, save: (value: T) => Promise<T>) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: save,
    onMutate: () => setSaved(false),
    onSuccess: (value) => {
      queryClient.setQueryData(queryKeys.settings(name), value);
      setSaved(true);
    },
  });
  return { mutation, saved };
}
