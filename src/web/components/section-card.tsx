import { Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled region of a page; the heading names the region for screen readers. */
export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
