import { Anchor, Button, Center, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type {
  AccountReviewDetail,
  AccountReviewItem,
  ReviewDecisionBody,
} from '../../shared/api/account-review.schema.js';
import { useMe } from '../auth/session.js';
import { DateText } from '../components/date-text.js';
import { usePageTitle } from '../components/page-title.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { SectionCard } from '../components/section-card.js';
import { StatusMessage } from '../components/status-message.js';
import { decideReviewItem, getAccountReview } from '../data/account-reviews.api.js';
import { ApiError } from '../data/client.js';
import { queryKeys } from '../data/query-keys.js';
import { useLabels } from '../i18n/labels.js';
import { groupReviewItems, type ReviewFilters } from '../reviews/review-groups.js';
import { ReviewItems } from '../reviews/review-items.js';
import { ReviewProgress } from '../reviews/review-progress.js';
import { ReviewState } from '../reviews/review-state.js';
import { RevokeDialog } from '../reviews/revoke-dialog.js';

type Decision = { item: AccountReviewItem; body: ReviewDecisionBody };

/** One account review: every account the reviewer may see, by unit, kept or revoked one by one (SEC-2). */
export function AccountReviewPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const { id = '' } = useParams();
  const location = useLocation();
  const opened = (location.state as { opened?: boolean } | null)?.opened === true;
  const queryClient = useQueryClient();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const allowed = me.abilities.reviewAccounts;
  const review = useQuery({
    queryKey: queryKeys.accountReview(id),
    queryFn: () => getAccountReview(id),
    enabled: allowed,
  });
  const [filters, setFilters] = useState<ReviewFilters>({ mineOnly: false, pendingOnly: false });
  const [revoking, setRevoking] = useState<AccountReviewItem | null>(null);
  const [message, setMessage] = useState('');
  const decide = useMutation({
    mutationFn: ({ item, body }: Decision) => decideReviewItem(id, item.id, body),
    onMutate: () => setMessage(''),
    onSuccess: (updated, { item }) => {
      queryClient.setQueryData<AccountReviewDetail>(queryKeys.accountReview(id), (old) =>
        old ? { ...old, items: old.items.map((i) => (i.id === updated.id ? updated : i)) } : old,
      );
      setRevoking(null);
      setMessage(
        t(updated.decision === 'revoke' ? 'reviews.revoked' : 'reviews.kept', {
          name: labels.qualified(item.displayName, item.username),
        }),
      );
      // The counts are the server's: fetch them again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountReviews });
    },
  });
  usePageTitle(review.data?.title ?? t('reviews.title'));

  if (!allowed) {
    return (
      <Stack>
        <Title order={1}>{t('reviews.title')}</Title>
        <Text>{t('reviews.forbidden')}</Text>
      </Stack>
    );
  }
  const back = (
    <Anchor component={Link} to="/account-reviews" size="sm">
      ← {t('reviews.back')}
    </Anchor>
  );
  if (review.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (review.isError) {
    const notFound = review.error instanceof ApiError && review.error.status === 404;
    return (
      <Stack align="flex-start">
        <Title order={1}>{t('reviews.title')}</Title>
        {notFound ? (
          <Text>{t('reviews.notFound')}</Text>
        ) : (
          <ProblemAlert error={review.error} onRetry={() => void review.refetch()} />
        )}
        {back}
      </Stack>
    );
  }

  const r = review.data;
  const groups = groupReviewItems(r.items, filters);
  const decidable = r.items.some((i) => i.canDecide);
  // While a decision is sent, the buttons of that item show it; a failed one is shown above the list.
  const pendingId = decide.isPending ? (decide.variables?.item.id ?? null) : null;

  return (
    <>
      {back}
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" gap="sm">
        <div>
          <Group gap="sm" align="center">
            <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
              {r.title}
            </Title>
            <ReviewState review={r} />
          </Group>
          <Text mt={4}>
            {t('reviews.period')} <DateText value={r.openedAt} /> {t('reviews.to')} <DateText value={r.dueAt} />
          </Text>
        </div>
        <Button component={Link} to={`/account-reviews/${r.id}/print`} variant="default">
          {t('reviews.print')}
        </Button>
      </Group>
      <StatusMessage>{message || (opened ? t('reviews.opened', { title: r.title }) : null)}</StatusMessage>
      {decide.error && !revoking && <ProblemAlert error={decide.error} />}
      <Stack gap="md">
        <SectionCard title={t('reviews.sectionProgress')}>
          <ReviewProgress review={r} />
          {decidable && (
            <Text size="sm" mt="sm">
              {t('reviews.howTo')}
            </Text>
          )}
        </SectionCard>
        <Group gap="lg" role="group" aria-label={t('reviews.filters')}>
          <Checkbox
            label={t('reviews.mineOnly')}
            checked={filters.mineOnly}
            onChange={(e) => setFilters({ ...filters, mineOnly: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('reviews.pendingOnly')}
            checked={filters.pendingOnly}
            onChange={(e) => setFilters({ ...filters, pendingOnly: e.currentTarget.checked })}
          />
        </Group>
        <div role="status" aria-live="polite">
          <Text fw={700}>{t('reviews.shown', { count: groups.reduce((n, g) => n + g.items.length, 0) })}</Text>
        </div>
        {groups.length === 0 && <Text>{t('reviews.nothingShown')}</Text>}
        {groups.map((group) => {
          const unit = group.unitName ?? t('nav.noUnit');
          return (
            <SectionCard key={group.unitId ?? ''} title={unit}>
              <ReviewItems
                items={group.items}
                caption={t('reviews.groupCaption', { unit, count: group.items.length, pending: group.pending })}
                narrow={narrow}
                pendingId={pendingId}
                onKeep={(item) => decide.mutate({ item, body: { decision: 'keep', note: '' } })}
                onRevoke={(item) => {
                  decide.reset();
                  setRevoking(item);
                }}
              />
            </SectionCard>
          );
        })}
      </Stack>
      <RevokeDialog
        key={revoking?.id ?? 'none'}
        item={revoking}
        pending={decide.isPending}
        error={revoking ? decide.error : null}
        onCancel={() => setRevoking(null)}
        onConfirm={(note) => revoking && decide.mutate({ item: revoking, body: { decision: 'revoke', note } })}
      />
    </>
  );
}
