import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';

/** A modal form of the person page: the server's refusal is shown inside it; it closes on success. */
export function PersonActionModal({
  title,
  opened,
  onClose,
  onSubmit,
  submitLabel,
  submitColor,
  testId,
  submitTestId,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  submitColor?: string;
  testId: string;
  /** The submit button's test id when it is not `${testId}-submit`. */
  submitTestId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={title} data-testid={`${testId}-modal`} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          {children}
          {error && (
            <Alert color="red" data-testid="form-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={submitColor} loading={isSaving} data-testid={submitTestId ?? `${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
