import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Prints only the codes: the page's other content is hidden by the print style while this runs. */
function printCodes() {
  document.body.classList.add('print-recovery-codes');
  try {
    window.print();
  } finally {
    document.body.classList.remove('print-recovery-codes');
  }
}

/** The recovery codes, shown this once (SEC-1), with a print button and "I have stored them". */
export function RecoveryCodesPanel({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('mfa.codesTitle')} mb="md" className="recovery-codes">
      <Text size="sm" mb="sm" c="#5c3c00" fw={500}>
        {t('mfa.codesIntro')}
      </Text>
      <List
        type="ordered"
        className="recovery-code-list"
        data-testid="recovery-codes"
        aria-label={t('mfa.codesTitle')}
        spacing={4}
      >
        {codes.map((code) => (
          <List.Item key={code}>
            <span className="request-number">{code}</span>
          </List.Item>
        ))}
      </List>
      <Group mt="md" gap="sm" className="no-print">
        <Button onClick={printCodes} variant="outline">
          {t('mfa.printCodes')}
        </Button>
        <Button onClick={onDone}>{t('mfa.codesStored')}</Button>
      </Group>
    </Alert>
  );
}
