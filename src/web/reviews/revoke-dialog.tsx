import { Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountReviewItem } from '../../shared/api/account-review.schema.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { useLabels } from '../i18n/labels.js';

type Props = {
  item: AccountReviewItem | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (note: string) => void;
};

/** Revoking asks why and for a second thought (SEC-2): the account loses its access. */
export function RevokeDialog({ item, pending, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const server = useProblemText(error);
  const close = () => {
    setNote('');
    setMissing(false);
    onCancel();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gap = note.trim() === '';
    setMissing(gap);
    if (!gap) onConfirm(note.trim());
  };
  const name = item ? labels.qualified(item.displayName, item.username) : '';
  return (
    <Modal
      opened={item !== null}
      onClose={close}
      title={t('reviews.revokeTitle', { name })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Text mb="sm">{t('reviews.revokeIntro')}</Text>
        {error !== null && <ProblemAlert error={error} shownFields={['note']} />}
        <Textarea
          label={t('reviews.revokeNote')}
          description={t('reviews.revokeNoteHint')}
          required
          autosize
          minRows={3}
          maxLength={500}
          data-autofocus
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('reviews.revokeNoteRequired') : server.fields.note}
        />
        <Group justify="flex-end" mt="md" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={pending}>
            {t('reviews.revokeConfirm')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
