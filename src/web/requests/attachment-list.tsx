import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/request.schema.js';
import { queryKeys } from '../data/query-keys.js';
import { attachmentUrl, uploadAttachments } from '../data/requests.api.js';
import { DateTimeText } from '../components/date-text.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { formatFileSize } from '../lib/file-size.js';
import { FilePicker } from './file-picker.js';

/** The request's files with download links, and an upload form when `can.attach` allows (DESK-5). */
export function AttachmentList({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: () => uploadAttachments(request.id, files),
    onSuccess: () => {
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.request(request.id) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(files.length === 0);
    if (files.length > 0) upload.mutate();
  };

  return (
    <Stack gap="md">
      {request.attachments.length === 0 ? (
        <Text>{t('detail.attachments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" captionSide="top">
            <Table.Caption>
              <VisuallyHidden>{t('detail.attachments.caption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('detail.attachments.fileName')}</Table.Th>
                <Table.Th scope="col">{t('detail.attachments.size')}</Table.Th>
                <Table.Th scope="col">{t('detail.attachments.uploadedBy')}</Table.Th>
                <Table.Th scope="col">{t('detail.attachments.uploadedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {request.attachments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={attachmentUrl(request.id, a.id)} download={a.fileName}>
                      {a.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatFileSize(a.size)}</Table.Td>
                  <Table.Td>{a.uploadedBy.displayName}</Table.Td>
                  <Table.Td>
                    <DateTimeText value={a.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {request.can.attach && (
        <form onSubmit={onSubmit}>
          <StatusMessage>
            {upload.isSuccess ? t('detail.attachments.uploaded', { count: upload.data.length }) : null}
          </StatusMessage>
          {upload.error && <ProblemAlert error={upload.error} />}
          <FilePicker
            label={t('detail.attachments.uploadLabel')}
            files={files}
            onChange={(next) => {
              setFiles(next);
              setMissing(false);
              upload.reset();
            }}
            error={missing ? t('detail.attachments.chooseFirst') : undefined}
            disabled={upload.isPending}
          />
          <Button type="submit" mt="sm" loading={upload.isPending}>
            {upload.isPending ? t('detail.attachments.uploading') : t('detail.attachments.uploadSubmit')}
          </Button>
        </form>
      )}
    </Stack>
  );
}
