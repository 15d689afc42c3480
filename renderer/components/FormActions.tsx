import type { ReactNode } from 'react';
import { Button, Group, type MantineColor } from '@mantine/core';

interface FormActionsProps {
  onCancel(): void;
  /** Shows the submit button busy and disabled while the form is being saved. */
  isSubmitting?: boolean;
  color?: MantineColor;
  /** Focus the submit button when the dialog opens (a form with no fields). */
  autoFocusSubmit?: boolean;
  /** The submit button's text. */
  children: ReactNode;
}

/** A dialog form's last row: "Hủy" closes it, the submit button saves it. */
export function FormActions({ onCancel, isSubmitting, color, autoFocusSubmit, children }: FormActionsProps) {
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onCancel}>
        Hủy
      </Button>
      <Button
        type="submit"
        color={color}
        loading={isSubmitting}
        disabled={isSubmitting}
        data-autofocus={autoFocusSubmit ? true : undefined}
      >
        {children}
      </Button>
    </Group>
  );
}
