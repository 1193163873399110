import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A success message in a polite live region (WCAG 4.1.3): the region stays mounted so that screen
 * readers announce the text when it appears.
 */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {children ? (
        <Paper withBorder p="sm" mb="md" style={{ background: '#e5f6ea', borderColor: '#6cbf85', borderLeftWidth: 6 }}>
          <Text size="sm" c="#17502a" fw={500}>
            {children}
          </Text>
        </Paper>
      ) : null}
    </div>
  );
}
