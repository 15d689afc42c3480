import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { contract } from '../../../shared/api/contract';
import { z } from '../../../shared/api/zod-vi';
import type { UserView } from '../../../shared/api/schemas/users';
import { api, errorMessage, isApiError } from '../../api/client';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';

// The contract's rules plus the one only a form needs: typing the new password twice.
const schema = z
  .intersection(contract['auth.changePassword'].input, z.object({ confirmPassword: z.string() }))
  .refine((v) => v.confirmPassword === v.newPassword, {
    error: 'Hai lần nhập mật khẩu mới không giống nhau.',
    path: ['confirmPassword'],
  });
type FormValues = z.input<typeof schema>;
type ParsedValues = z.output<typeof schema>;

interface ChangePasswordPageProps {
  user: UserView;
  /** The password typed at login a moment ago, if any. */
  knownPassword: string | null;
  onChanged(): void;
  onLogout(): void;
}

/** A temporary password (first administrator, or one an administrator reset) must be replaced before work. */
export function ChangePasswordPage({ user, knownPassword, onChanged, onLogout }: ChangePasswordPageProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, ParsedValues>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: knownPassword ?? '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api['auth.changePassword']({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      onChanged();
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const orphans = applyServerFieldErrors(
          error,
          setError,
          (p) => p === 'currentPassword' || p === 'newPassword',
        );
        if (orphans.length > 0) setFormError(orphans.join(' '));
      } else {
        setFormError(errorMessage(error));
      }
    }
  });

  return (
    <Center mih="100%" p="md">
      <Paper withBorder p="lg" w={440} shadow="xs">
        <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Đổi mật khẩu">
          <Stack gap="sm">
            <div>
              <Title order={3}>Đặt mật khẩu mới</Title>
              <Text size="sm" c="dimmed">
                {user.fullName} ({user.username}) đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu riêng, ít nhất
                10 ký tự — một câu dễ nhớ là tốt nhất.
              </Text>
            </div>
            {formError && <Alert color="red">{formError}</Alert>}
            <PasswordInput
              label="Mật khẩu hiện tại"
              autoComplete="current-password"
              {...register('currentPassword')}
              error={fieldError(errors, 'currentPassword')}
            />
            <PasswordInput
              label="Mật khẩu mới"
              autoComplete="new-password"
              autoFocus
              {...register('newPassword')}
              error={fieldError(errors, 'newPassword')}
            />
            <PasswordInput
              label="Nhập lại mật khẩu mới"
              autoComplete="new-password"
              {...register('confirmPassword')}
              error={fieldError(errors, 'confirmPassword')}
            />
            <Button type="submit" loading={isSubmitting} disabled={isSubmitting} fullWidth mt="xs">
              Lưu mật khẩu mới
            </Button>
            <Button variant="subtle" color="gray" onClick={onLogout}>
              Đăng xuất
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
