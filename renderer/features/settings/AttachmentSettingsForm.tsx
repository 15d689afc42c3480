import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { contract, type MethodInput, type ParsedInput } from '../../../shared/api/contract';
import type { AttachmentSettings } from '../../../shared/api/schemas/attachments';
import { api, errorMessage, isApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';

const schema = contract['attachments.settings.update'].input;
type FormValues = MethodInput<'attachments.settings.update'>;
type ParsedValues = ParsedInput<'attachments.settings.update'>;
const FIELDS = ['maxFileMb', 'maxDossierMb', 'dropFolders'];

/** Size limits of attachments and the scanner folder shared by every user of this backend's machine. */
export function AttachmentSettingsPanel() {
  const query = useApiQuery('attachments.settings.get', {});
  if (!query.data) return null;
  return (
    <AttachmentSettingsForm key={JSON.stringify(query.data)} settings={query.data} onSaved={query.reload} />
  );
}

function AttachmentSettingsForm({ settings, onSaved }: { settings: AttachmentSettings; onSaved(): void }) {
  const [orphans, setOrphans] = useState<string[]>([]);
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormValues, unknown, ParsedValues>({ resolver: zodResolver(schema), defaultValues: settings });

  const onSubmit = handleSubmit(async (values) => {
    setOrphans([]);
    try {
      await api['attachments.settings.update'](values);
      notifySuccess(
        'Đã lưu cài đặt tệp đính kèm',
        `Tối đa ${values.maxFileMb} MB mỗi tệp, ${values.maxDossierMb} MB mỗi hồ sơ.`,
      );
      onSaved();
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        setOrphans(
          applyServerFieldErrors(error, setError, (path) => FIELDS.includes(path.split('.')[0] ?? '')),
        );
      } else {
        notifyError('Chưa lưu được cài đặt tệp đính kèm', errorMessage(error));
      }
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Cài đặt tệp đính kèm">
      <Stack gap="sm">
        <Title order={5}>Bản quét và tệp đính kèm</Title>
        {orphans.length > 0 && <Alert color="red">{orphans.join(' ')}</Alert>}
        <Group gap="sm" align="flex-start">
          {(['maxFileMb', 'maxDossierMb'] as const).map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <NumberInput
                  ref={field.ref}
                  label={name === 'maxFileMb' ? 'Tối đa mỗi tệp (MB)' : 'Tối đa mỗi hồ sơ (MB)'}
                  value={field.value}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : Number(value))}
                  onBlur={field.onBlur}
                  allowDecimal={false}
                  min={1}
                  w={200}
                  error={fieldError(errors, name)}
                />
              )}
            />
          ))}
        </Group>
        <Controller
          control={control}
          name="dropFolders"
          render={({ field }) => {
            const shared = field.value.find((d) => d.userId === null)?.folder ?? '';
            const others = field.value.filter((d) => d.userId !== null);
            return (
              <TextInput
                label="Thư mục máy quét (cho mọi người dùng)"
                description="Thư mục trên máy chạy LicenceDesk (với bản văn phòng: máy chủ) nơi máy quét lưu tệp; để trống nếu không dùng. Thư mục riêng cho từng người dùng đặt qua API attachments.settings.update."
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={shared}
                onChange={(event) => {
                  const folder = event.currentTarget.value;
                  field.onChange(folder.trim() === '' ? others : [...others, { userId: null, folder }]);
                }}
                onBlur={field.onBlur}
                error={
                  fieldError(errors, 'dropFolders') ??
                  fieldError(errors, `dropFolders.${others.length}.folder`)
                }
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
            );
          }}
        />
        <Group>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Lưu cài đặt tệp đính kèm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
