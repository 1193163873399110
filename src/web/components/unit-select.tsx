import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { useLabels } from '../i18n/labels.js';
import { unitOptionLabel, unitTree } from '../lib/unit-tree.js';

type Props = Omit<NativeSelectProps, 'data'> & {
  units: readonly Unit[];
  /** A first option with an empty value, e.g. 「全部單位」. */
  emptyOption?: string;
};

/** A native select of units as an indented tree (ORG-1); native so that phones show their picker. */
export function UnitSelect({ units, emptyOption, ...props }: Props) {
  const { language } = useLabels();
  const data = useMemo(() => {
    const options = unitTree(units).map((o) => ({
      value: o.id,
      label: unitOptionLabel(o, language === 'en' ? o.unit.nameEn : o.unit.name),
    }));
    return emptyOption === undefined ? options : [{ value: '', label: emptyOption }, ...options];
  }, [units, language, emptyOption]);
  return <NativeSelect {...props} data={data} />;
}
