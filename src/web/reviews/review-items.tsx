import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountReviewItem } from '../../shared/api/account-review.schema.js';
import { DateText, DateTimeText } from '../components/date-text.js';
import { ScrollTable } from '../components/scroll-table.js';
import { useLabels } from '../i18n/labels.js';
import { lastWorkingDay } from '../lib/account-rules.js';
import { ReviewDecisionBadge } from './review-decision-badge.js';

export type ItemActions = {
  onKeep: (item: AccountReviewItem) => void;
  onRevoke: (item: AccountReviewItem) => void;
  /** The item whose decision is being sent. */
  pendingId: string | null;
};

type Props = ItemActions & { items: readonly AccountReviewItem[]; caption: string; narrow: boolean };

/** One unit's accounts in a review: a table on wide screens, cards on phones. */
export function ReviewItems({ items, caption, narrow, ...actions }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const roles = (item: AccountReviewItem) =>
    labels.list(item.roles.map((r) => labels.qualified(labels.role(r.role), r.unitName ?? t('common.agencyWide')))) ||
    t('common.none');

  if (narrow) {
    return (
      <>
        <Text size="sm" fw={700} mb="xs">
          {caption}
        </Text>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={caption}>
          {items.map((item) => (
            <Paper component="li" key={item.id} withBorder p="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
                <Text fw={700}>{labels.qualified(item.displayName, item.username)}</Text>
                <ReviewDecisionBadge decision={item.decision} />
              </Group>
              <dl className="field-list" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                <dt>{t('admin.kind')}</dt>
                <dd>{t(`admin.userKinds.${item.kind}`)}</dd>
                <dt>{t('admin.roles')}</dt>
                <dd>{roles(item)}</dd>
                <dt>{t('expiry.label')}</dt>
                <dd>
                  {item.expiresAt ? (
                    <DateText value={lastWorkingDay(item.expiresAt)} format="short" />
                  ) : (
                    t('common.none')
                  )}
                </dd>
                <dt>{t('reviews.columns.lastSignIn')}</dt>
                <dd>{item.lastSignInAt ? <DateTimeText value={item.lastSignInAt} /> : t('reviews.neverSignedIn')}</dd>
                <dt>{t('reviews.columns.reviewers')}</dt>
                <dd>{labels.list(item.reviewerNames) || t('common.none')}</dd>
              </dl>
              <DecisionDetails item={item} />
              <DecisionButtons item={item} {...actions} />
            </Paper>
          ))}
        </Stack>
      </>
    );
  }

  return (
    <ScrollTable minWidth={980} label={caption}>
      <Table verticalSpacing="xs" captionSide="top" striped>
        <Table.Caption className="table-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reviews.columns.account')}</Table.Th>
            <Table.Th scope="col">{t('admin.kind')}</Table.Th>
            <Table.Th scope="col">{t('admin.roles')}</Table.Th>
            <Table.Th scope="col">{t('reviews.columns.lastSignIn')}</Table.Th>
            <Table.Th scope="col">{t('reviews.columns.reviewers')}</Table.Th>
            <Table.Th scope="col">{t('reviews.columns.decision')}</Table.Th>
            <Table.Th scope="col">{t('admin.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600} size="sm">
                  {item.displayName}
                </Text>
                <Text size="sm" className="request-number">
                  {item.username}
                </Text>
              </Table.Th>
              <Table.Td>
                {t(`admin.userKinds.${item.kind}`)}
                {item.expiresAt && (
                  <Text size="xs">
                    {t('reviews.expires')} <DateText value={lastWorkingDay(item.expiresAt)} format="short" />
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{roles(item)}</Table.Td>
              <Table.Td>
                {item.lastSignInAt ? <DateTimeText value={item.lastSignInAt} /> : t('reviews.neverSignedIn')}
              </Table.Td>
              <Table.Td>{labels.list(item.reviewerNames) || t('common.none')}</Table.Td>
              <Table.Td>
                <ReviewDecisionBadge decision={item.decision} />
                <DecisionDetails item={item} />
              </Table.Td>
              <Table.Td>
                <DecisionButtons item={item} {...actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Who decided and when, the note, and how often the item was chased while unanswered. */
function DecisionDetails({ item }: { item: AccountReviewItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.decidedByName && item.decidedAt && (
        <Text size="xs" mt={4}>
          {item.decidedByName} <DateTimeText value={item.decidedAt} />
        </Text>
      )}
      {item.note && (
        <Text size="xs" className="preserve-lines">
          {t('reviews.noteShown', { note: item.note })}
        </Text>
      )}
      {item.decision === null && item.chased > 0 && (
        <Text size="xs" fw={700} c="#7f1d14">
          {t('reviews.chased', { count: item.chased })}
        </Text>
      )}
    </>
  );
}

/** 保留 and 撤銷, named with the account so that a screen reader's list of buttons makes sense. */
function DecisionButtons({ item, onKeep, onRevoke, pendingId }: ItemActions & { item: AccountReviewItem }) {
  const { t } = useTranslation();
  if (!item.canDecide) return null;
  const busy = pendingId === item.id;
  return (
    <Group gap={6} mt={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="outline"
        loading={busy}
        disabled={pendingId !== null && !busy}
        onClick={() => onKeep(item)}
        aria-label={t('reviews.keepLabel', { username: item.username })}
      >
        {t('reviews.keep')}
      </Button>
      <Button
        size="compact-sm"
        color="red.9"
        variant="outline"
        disabled={pendingId !== null}
        onClick={() => onRevoke(item)}
        aria-label={t('reviews.revokeLabel', { username: item.username })}
      >
        {t('reviews.revoke')}
      </Button>
    </Group>
  );
}
