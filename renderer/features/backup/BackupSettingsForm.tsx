import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { contract, type MethodInput, type ParsedInput } from '../../../shared/api/contract';
import type { BackupSettingsView } from '../../../shared/api/schemas/backup';
import { api, errorMessage, isApiError } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';

const schema = contract['backup.settings.update'].input;
type FormValues = MethodInput<'backup.settings.update'>;
type ParsedValues = ParsedInput<'backup.settings.update'>;
const FIELDS = ['folder', 'keepDaily', 'keepMonthly', 'dailyEnabled'];

function toFormValues(settings: BackupSettingsView): FormValues {
  return {
    folder: settings.folder,
    keepDaily: settings.keepDaily,
    keepMonthly: settings.keepMonthly,
    dailyEnabled: settings.dailyEnabled,
  };
}

interface BackupSettingsFormProps {
  settings: BackupSettingsView;
  onSaved(settings: BackupSettingsView): void;
}

/** Where backups go, how many are kept, and whether the daily backup runs. */
export function BackupSettingsForm({ settings, onSaved }: BackupSettingsFormProps) {
  const [orphans, setOrphans] = useState<string[]>([]);
  const {
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormValues, unknown, ParsedValues>({
    resolver: zodResolver(schema),
    defaultValues: toFormValues(settings),
  });

  const onSubmit = handleSubmit(async (values) => {
    setOrphans([]);
    try {
      const saved = await api['backup.settings.update'](values);
      reset(toFormValues(saved));
      notifySuccess('Đã lưu cài đặt sao lưu', `Bản sao lưu được ghi vào ${saved.effectiveFolder}.`);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        setOrphans(applyServerFieldErrors(error, setError, (path) => FIELDS.includes(path)));
      } else {
        notifyError('Chưa lưu được cài đặt sao lưu', errorMessage(error));
      }
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Cài đặt sao lưu">
      <Stack gap="sm">
        {settings.warning && (
          <Alert color="yellow" p="xs" data-testid="backup-warning">
            {settings.warning}
          </Alert>
        )}
        {orphans.length > 0 && (
          <Alert color="red" p="xs">
            {orphans.join(' ')}
          </Alert>
        )}
        <Controller
          control={control}
          name="folder"
          render={({ field }) => (
            <TextInput
              ref={field.ref}
              label="Thư mục sao lưu"
              placeholder={settings.defaultFolder}
              description={`Để trống: dùng thư mục mặc định ${settings.defaultFolder}. Nên chọn ổ đĩa thứ hai, USB hoặc thư mục mạng (NAS).`}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={field.value ?? ''}
              onChange={(event) =>
                field.onChange(event.currentTarget.value.trim() === '' ? null : event.currentTarget.value)
              }
              onBlur={field.onBlur}
              error={fieldError(errors, 'folder')}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
          )}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Controller
            control={control}
            name="keepDaily"
            render={({ field }) => (
              <NumberInput
                ref={field.ref}
                label="Giữ bản hằng ngày"
                description="Số bản gần nhất"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : Number(value))}
                onBlur={field.onBlur}
                min={1}
                max={366}
                allowDecimal={false}
                w={160}
                error={fieldError(errors, 'keepDaily')}
              />
            )}
          />
          <Controller
            control={control}
            name="keepMonthly"
            render={({ field }) => (
              <NumberInput
                ref={field.ref}
                label="Giữ bản hằng tháng"
                description="Bản cuối mỗi tháng"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : Number(value))}
                onBlur={field.onBlur}
                min={0}
                max={120}
                allowDecimal={false}
                w={160}
                error={fieldError(errors, 'keepMonthly')}
              />
            )}
          />
          <Controller
            control={control}
            name="dailyEnabled"
            render={({ field }) => (
              <Switch
                ref={field.ref}
                mt={26}
                label="Tự động sao lưu mỗi ngày"
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                error={fieldError(errors, 'dailyEnabled')}
              />
            )}
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Lưu cài đặt sao lưu
          </Button>
          <Text size="xs" c="dimmed">
            Đang dùng:{' '}
            <Text span ff="monospace" size="xs">
              {settings.effectiveFolder}
            </Text>
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
