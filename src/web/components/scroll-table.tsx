import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { minWidth: number; label: string; children: ReactNode };

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is a named, focusable region
 * so that keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable).
 */
export function ScrollTable({ minWidth, label, children }: Props) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
