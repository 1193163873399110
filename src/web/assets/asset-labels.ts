import { useTranslation } from 'react-i18next';
import type { AssetRelationKind, AssetStatus } from '../../shared/api/asset.schema.js';
import { DC_DEVICE_TYPE_LABELS, type DcDeviceType } from '../../shared/data-centre.js';
import { useLabels } from '../i18n/labels.js';

const isDeviceType = (kind: string): kind is DcDeviceType => kind in DC_DEVICE_TYPE_LABELS;

/** The asset register's words in the current language: kinds, statuses, relations. */
export function useAssetLabels() {
  const { t } = useTranslation();
  const { language } = useLabels();
  return {
    /** A device type as 001 names it, an information system, or the stored kind as it is. */
    kind: (kind: string) =>
      kind === 'information_system'
        ? t('assets.kinds.information_system')
        : isDeviceType(kind)
          ? DC_DEVICE_TYPE_LABELS[kind][language]
          : kind,
    status: (status: AssetStatus) => t(`assets.statuses.${status}`),
    /** Read from this item: 「執行於」 (this runs on the other) or 「承載」 (the other runs on this). */
    relation: (direction: 'outgoing' | 'incoming', kind: AssetRelationKind) =>
      t(`assets.relationKinds.${direction}.${kind}`),
  };
}
