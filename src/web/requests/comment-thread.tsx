import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import { queryKeys } from '../data/query-keys.js';
import { addComment } from '../data/requests.api.js';
import { DateTimeText } from '../components/date-text.js';
import { ProblemAlert, useProblemText } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';

/** The conversation on a request, and a form to add to it when `can.comment` allows. */
export function CommentThread({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const post = useMutation({
    mutationFn: () => addComment(request.id, body.trim()),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.request(request.id) });
    },
  });
  const server = useProblemText(post.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = body.trim() === '';
    setMissing(empty);
    if (!empty) post.mutate();
  };

  return (
    <Stack gap="md">
      {request.comments.length === 0 ? (
        <Text>{t('detail.comments.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {request.comments.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" bg="#f8f9fa">
              <Text size="sm" fw={700} mb={4}>
                {c.author.displayName} · <DateTimeText value={c.createdAt} />
              </Text>
              <Text className="preserve-lines">{c.body}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      {request.can.comment && (
        <form onSubmit={onSubmit} noValidate>
          <StatusMessage>{post.isSuccess ? t('detail.comments.added') : null}</StatusMessage>
          {post.error && <ProblemAlert error={post.error} shownFields={['body']} />}
          <Textarea
            label={t('detail.comments.label')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('form.validation.required', { field: t('detail.comments.label') }) : server.fields.body}
          />
          <Button type="submit" mt="sm" loading={post.isPending}>
            {t('detail.comments.submit')}
          </Button>
        </form>
      )}
    </Stack>
  );
}
