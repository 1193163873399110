import { Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceLevelReport } from '../../shared/api/report.schema.js';
import { percent } from './report-period.js';
import { useGroupName } from './service-level-table.js';

/**
 * Compliance per group as CSS bars. Each bar's value is written out beside it, so the chart reads
 * the same without colour or sight (WCAG 1.1.1, 1.4.1); the table above holds every figure too.
 */
export function ComplianceChart({ report }: { report: ServiceLevelReport }) {
  const { t } = useTranslation();
  const headingId = useId();
  const groupName = useGroupName();
  return (
    <figure style={{ margin: 0 }} aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('reports.chartTitle')}
      </Title>
      <ul className="sl-chart">
        {report.rows.map((row, index) => {
          const name = groupName(report, row);
          const value = percent(row.compliance) ?? t('reports.noCompliance');
          return (
            <li key={row.key ?? `none-${index}`}>
              <Text size="sm">
                {t('reports.chartLabel', { group: name, value })}
                {row.reviewNeeded && ` · ${t('reports.reviewNeeded')}`}
              </Text>
              <div className="sl-chart-bar-track" aria-hidden="true">
                <div
                  className={row.reviewNeeded ? 'sl-chart-bar is-review' : 'sl-chart-bar'}
                  style={{ width: `${Math.round((row.compliance ?? 0) * 100)}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
