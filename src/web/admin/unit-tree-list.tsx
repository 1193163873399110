import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../shared/api/organisation.schema.js';
import { useLabels } from '../i18n/labels.js';
import { unitTree } from '../lib/unit-tree.js';

/** The organisation as an indented list (ORG-1). */
export function UnitTreeList({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  const { language } = useLabels();
  return (
    <List listStyleType="none" spacing={4} p={0}>
      {unitTree(units).map(({ id, depth, unit }) => (
        <List.Item key={id} style={{ paddingLeft: `${depth * 1.5}rem` }}>
          <Text span fw={depth === 0 ? 700 : 500}>
            {language === 'en' ? unit.nameEn : unit.name}
          </Text>{' '}
          <Text span size="sm" c="dimmed">
            {t(`admin.unitKinds.${unit.kind}`)} · <span className="request-number">{unit.code}</span>
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
