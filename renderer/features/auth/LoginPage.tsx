import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Center,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { contract, type MethodInput, type ParsedInput } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/api/schemas/app';
import { api, errorMessage } from '../../api/client';
import { startSession } from '../../api/session';
import { fieldError } from '../../lib/form-errors';

const schema = contract['auth.login'].input;
type FormValues = MethodInput<'auth.login'>;
type ParsedValues = ParsedInput<'auth.login'>;

interface LoginPageProps {
  firstRun: AppInfo['firstRun'];
  isExpired: boolean;
  /** The password just used, so a forced password change does not ask for it twice. */
  onLoggedIn(password: string): void;
}

export function LoginPage({ firstRun, isExpired, onLoggedIn }: LoginPageProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, ParsedValues>({
    resolver: zodResolver(schema),
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { sessionToken } = await api['auth.login'](values);
      onLoggedIn(values.password);
      startSession(sessionToken);
    } catch (error) {
      // One message for a wrong name or password: the screen must not reveal which accounts exist.
      setFormError(errorMessage(error));
    }
  });

  return (
    <Center mih="100%" p="md">
      <Paper withBorder p="lg" w={420} shadow="xs">
        <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Đăng nhập">
          <Stack gap="sm">
            <div>
              <Title order={3} c="indigo.8">
                LicenceDesk
              </Title>
              <Text size="sm" c="dimmed">
                Đăng nhập để tiếp nhận và xử lý hồ sơ
              </Text>
            </div>
            {isExpired && (
              <Alert color="yellow">
                Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại; chưa có gì bị mất.
              </Alert>
            )}
            {firstRun && (
              <Alert color="indigo" title="Lần đầu sử dụng" data-testid="first-run">
                <Stack gap={6}>
                  <Text size="sm">
                    Đăng nhập bằng tài khoản quản trị{' '}
                    <Code data-testid="first-run-username">{firstRun.username}</Code> với mật khẩu tạm thời{' '}
                    <Code data-testid="first-run-password">{firstRun.temporaryPassword}</Code>, sau đó đặt mật
                    khẩu mới. Mật khẩu tạm thời chỉ hiện ở đây cho đến khi được đổi.
                  </Text>
                  <Group>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        setValue('username', firstRun.username);
                        setValue('password', firstRun.temporaryPassword);
                        setFocus('password');
                      }}
                    >
                      Điền sẵn tài khoản này
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {formError && <Alert color="red">{formError}</Alert>}
            <TextInput
              label="Tên đăng nhập"
              autoComplete="username"
              autoFocus
              {...register('username')}
              error={fieldError(errors, 'username')}
            />
            <PasswordInput
              label="Mật khẩu"
              autoComplete="current-password"
              {...register('password')}
              error={fieldError(errors, 'password')}
            />
            <Button type="submit" loading={isSubmitting} disabled={isSubmitting} fullWidth mt="xs">
              Đăng nhập
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
