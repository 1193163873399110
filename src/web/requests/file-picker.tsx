import { ActionIcon, Group, Input, List, Text } from '@mantine/core';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../i18n/labels.js';
import { formatFileSize, MAX_UPLOAD_BYTES } from '../lib/file-size.js';

type Props = {
  label: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** An error from outside, e.g. the server's answer to an upload. */
  error?: string | undefined;
  disabled?: boolean;
  /** The hint under the label; the attachment rules by default. */
  description?: string;
  /** File types offered by the browser's chooser, e.g. `.csv`. */
  accept?: string;
  /** One file only when false: a new choice replaces the old. */
  multiple?: boolean;
};

/** A native multi-file input (works with every assistive technology) with the chosen files listed. */
export function FilePicker({ label, files, onChange, error, disabled, description, accept, multiple = true }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState<string[]>([]);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.currentTarget.files ?? []);
    const large = picked.filter((f) => f.size > MAX_UPLOAD_BYTES);
    setTooLarge(large.map((f) => f.name));
    const fitting = picked.filter((f) => f.size <= MAX_UPLOAD_BYTES);
    onChange(multiple ? [...files, ...fitting] : fitting.slice(0, 1));
    if (input.current) input.current.value = ''; // Lets the same file be picked again after removal.
  };

  const messages = [...tooLarge.map((name) => t('form.validation.fileTooLarge', { name })), ...(error ? [error] : [])];

  return (
    <Input.Wrapper
      label={label}
      description={description ?? t('form.attachmentsHint')}
      error={messages.length > 0 ? messages.join(' ') : undefined}
      id={id}
    >
      <Group gap="sm" mt={6}>
        {/* The native input lies, transparent, over a button drawn in the page's language. */}
        <span className="file-picker">
          <input
            ref={input}
            id={id}
            type="file"
            multiple={multiple}
            accept={accept}
            disabled={disabled}
            onChange={onPick}
            className="file-picker-input"
            aria-invalid={messages.length > 0}
            aria-describedby={`${id}-description${messages.length > 0 ? ` ${id}-error` : ''}`}
          />
          <span className="file-picker-button" aria-hidden="true" data-disabled={disabled || undefined}>
            {t('form.chooseFiles')}
          </span>
        </span>
        {files.length === 0 && (
          <Text size="sm" aria-hidden="true">
            {t('form.noFiles')}
          </Text>
        )}
      </Group>
      {files.length > 0 && (
        <>
          <Text size="sm" fw={700} mt="sm">
            {t('form.chosenFiles')}
          </Text>
          <List size="sm" spacing={4} listStyleType="none" mt={4}>
            {files.map((file, index) => (
              <List.Item key={`${file.name}-${index}`}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {labels.qualified(file.name, formatFileSize(file.size))}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('form.removeFile', { name: file.name })}
                    disabled={disabled}
                    onClick={() => onChange(files.filter((_, i) => i !== index))}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Input.Wrapper>
  );
}
