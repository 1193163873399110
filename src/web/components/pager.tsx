import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { page: number; pageSize: number; total: number; onPage: (page: number) => void };

/** Previous / next paging with the position in words; simple enough for every screen reader. */
export function Pager({ page, pageSize, total, onPage }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('list.pagination')}>
      <Group justify="center" gap="md" mt="md">
        <Button variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('list.prev')}
        </Button>
        <Text aria-current="page">{t('list.pageOf', { page, pages })}</Text>
        <Button variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('list.next')}
        </Button>
      </Group>
    </nav>
  );
}
