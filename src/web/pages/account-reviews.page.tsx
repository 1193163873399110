import { Anchor, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AccountReviewSummary } from '../../shared/api/account-review.schema.js';
import { useMe } from '../auth/session.js';
import { DateText } from '../components/date-text.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { listAccountReviews, openAccountReview } from '../data/account-reviews.api.js';
import { queryKeys } from '../data/query-keys.js';
import { ReviewProgress } from '../reviews/review-progress.js';
import { ReviewState } from '../reviews/review-state.js';

/** 帳號清查 (SEC-2): the six-monthly account reviews and their progress; administrators open one. */
export function AccountReviewsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reviews.title'));
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const allowed = me.abilities.reviewAccounts;
  const reviews = useQuery({ queryKey: queryKeys.accountReviews, queryFn: listAccountReviews, enabled: allowed });
  const open = useMutation({
    mutationFn: openAccountReview,
    onSuccess: (review) => {
      queryClient.setQueryData(queryKeys.accountReview(review.id), review);
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountReviews });
      void navigate(`/account-reviews/${review.id}`, { state: { opened: true } });
    },
  });

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('reviews.title')}</Title>
        <Text>{t('reviews.forbidden')}</Text>
      </Stack>
    );
  }
  const anyOpen = reviews.data?.some((r) => r.closedAt === null) ?? false;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('reviews.title')}</Title>
          <Text mt={4}>{t('reviews.intro')}</Text>
        </div>
        {me.abilities.manageUsers && (
          <Button onClick={() => open.mutate()} loading={open.isPending} disabled={anyOpen}>
            {t('reviews.openNow')}
          </Button>
        )}
      </Group>
      {me.abilities.manageUsers && anyOpen && <Text size="sm">{t('reviews.oneOpen')}</Text>}
      {open.error && <ProblemAlert error={open.error} />}
      {reviews.isPending && (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {reviews.isError && <ProblemAlert error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data && reviews.data.length === 0 && <Text>{t('reviews.empty')}</Text>}
      {reviews.data && reviews.data.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('reviews.listLabel')}>
          {reviews.data.map((review) => (
            <ReviewCard key={review.id} review={review} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ReviewCard({ review }: { review: AccountReviewSummary }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="sm" mb={4}>
        <Anchor component={Link} to={`/account-reviews/${review.id}`} fw={700} size="lg">
          {review.title}
        </Anchor>
        <ReviewState review={review} />
      </Group>
      <Text size="sm" mb="xs">
        {t('reviews.period')} <DateText value={review.openedAt} format="short" /> {t('reviews.to')}{' '}
        <DateText value={review.dueAt} format="short" />
        {' · '}
        {review.openedByName ? t('reviews.openedBy', { name: review.openedByName }) : t('reviews.openedBySchedule')}
      </Text>
      <ReviewProgress review={review} />
    </Paper>
  );
}
