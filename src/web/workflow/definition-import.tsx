import { Alert, Button, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestType } from '../../shared/request-vocabulary.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { StatusMessage } from '../components/status-message.js';
import { ApiError } from '../data/client.js';
import { queryKeys } from '../data/query-keys.js';
import { importDefinition } from '../data/workflows.api.js';
import { useLabels } from '../i18n/labels.js';
import { FilePicker } from '../requests/file-picker.js';
import { parseDefinitionText } from './definition-text.js';

type Props = { type: RequestType; title: string; currentVersion: number | null };

/**
 * Publishes a new version of a type's definition: a JSON file is loaded into the box (to be checked
 * or edited), and the box's content is posted. The server names every problem by its path inside the
 * definition (`states.triage.on.accept.target`); they are listed as it sent them.
 */
export function DefinitionImport({ type, title, currentVersion }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (definition: Record<string, unknown>) => importDefinition(type, definition),
    onSuccess: () => {
      setText('');
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requestTypes });
    },
  });

  const onFiles = (picked: File[]) => {
    setFiles(picked);
    const file = picked[0];
    if (!file) return;
    void file.text().then(
      (content) => {
        setText(content);
        setLocalError(null);
      },
      () => setLocalError(t('common.unknownError')),
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    upload.reset();
    const parsed = parseDefinitionText(text);
    if (!parsed.ok) {
      setLocalError(
        parsed.reason === 'notJson'
          ? t('workflowAdmin.importNotJson', { reason: parsed.detail })
          : parsed.reason === 'empty'
            ? t('workflowAdmin.importEmpty')
            : t('workflowAdmin.importNotObject'),
      );
      return;
    }
    setLocalError(null);
    upload.mutate(parsed.definition);
  };

  const problem = upload.error instanceof ApiError ? upload.error.problem : null;
  const pathErrors = problem?.errors ?? [];
  return (
    <form onSubmit={onSubmit} noValidate>
      <StatusMessage>
        {upload.data ? t('workflowAdmin.imported', { title, version: upload.data.version }) : null}
      </StatusMessage>
      {upload.isError &&
        (problem && pathErrors.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            mb="md"
            title={labels.language === 'en' ? problem.title : problem.title_zh}
            data-testid="definition-import-errors"
          >
            <Text size="sm">{t('workflowAdmin.importErrorsTitle', { count: pathErrors.length })}</Text>
            <List size="sm" mt="xs">
              {pathErrors.map((e, i) => (
                <List.Item key={`${e.field}-${i}`}>
                  <code className="definition-path">{e.field || t('workflowAdmin.importRoot')}</code>
                  {labels.language === 'en' ? ': ' : '：'}
                  {labels.language === 'en' ? e.message : e.message_zh}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ProblemAlert error={upload.error} />
        ))}
      <Stack gap="md">
        <Text size="sm">
          {t('workflowAdmin.importIntro', {
            current: currentVersion === null ? '—' : t('workflowAdmin.versionValue', { version: currentVersion }),
          })}
        </Text>
        <FilePicker
          label={t('workflowAdmin.importFile')}
          description={t('workflowAdmin.importFileHint')}
          files={files}
          onChange={onFiles}
          accept=".json,application/json"
          multiple={false}
          disabled={upload.isPending}
        />
        <Textarea
          label={t('workflowAdmin.importText')}
          description={t('workflowAdmin.importTextHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={localError}
          autosize
          minRows={6}
          maxRows={18}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          styles={{ input: { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', fontSize: 13 } }}
          disabled={upload.isPending}
        />
      </Stack>
      <Button type="submit" mt="md" loading={upload.isPending}>
        {t('workflowAdmin.importSubmit')}
      </Button>
    </form>
  );
}
