import { Alert, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asLanguage } from '../i18n/index.js';
import { problemText } from '../lib/problem-text.js';

type Props = {
  error: unknown;
  /** Field messages already shown next to their inputs, left out here. */
  shownFields?: readonly string[];
  onRetry?: () => void;
};

/** A failure, announced to screen readers, in the words the server chose. */
export function ProblemAlert({ error, shownFields = [], onRetry }: Props) {
  const { t } = useTranslation();
  const text = useProblemText(error);
  const fields = Object.entries(text.fields);
  const others = fields.filter(([field]) => !shownFields.includes(field));
  // When every field at fault shows its own message, the detail (which names fields the way the
  // API spells them) would only repeat it: point at the fields instead.
  const detail = fields.length > 0 && others.length === 0 ? t('common.fixMarkedFields') : text.detail;
  return (
    <Alert color="red" variant="light" role="alert" title={text.title ?? t('common.errorTitle')} mb="md">
      {detail && <Text size="sm">{detail}</Text>}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map(([field, message]) => (
            <List.Item key={field}>{message}</List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button variant="outline" color="red.9" size="xs" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** The failure's text in the current language. */
export function useProblemText(error: unknown) {
  const { t, i18n } = useTranslation();
  return problemText(error, asLanguage(i18n.language), {
    network: t('common.networkError'),
    contract: t('common.contractError'),
    unknown: t('common.unknownError'),
  });
}
