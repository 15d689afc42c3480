import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { Settings } from '../../shared/api/schemas/settings';
import { api, errorMessage, isApiError } from '../api/client';
import { endSession, getLastSessionEndReason, useSessionToken } from '../api/session';
import { useApiQuery } from '../api/use-api-query';
import { AppContext, type AppContextValue } from './app-context';
import { AppLayout } from './AppLayout';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/settings/SetupPage';

const noInput = {};

async function logout(): Promise<void> {
  try {
    await api['auth.logout']({});
  } catch {
    // Ending the session here matters more than telling the backend; it expires on its own.
  }
  endSession('logout');
}

/**
 * Start-up sequence: app.info (public) -> login -> forced password change -> settings -> first-run setup
 * (administrators) -> the desk.
 */
export function App() {
  const token = useSessionToken();
  const info = useApiQuery('app.info', noInput, token);
  const me = useApiQuery('auth.me', token ? noInput : null, token);
  const user = me.isLoading ? undefined : me.data;
  const isReady = user !== undefined && !user.mustChangePassword;
  const settingsQuery = useApiQuery('settings.get', isReady ? noInput : null, token);
  // Saved settings replace the loaded ones without another round trip.
  const [saved, setSaved] = useState<{ token: string | null; settings: Settings } | null>(null);
  // The password typed at login, offered to a forced password change so it is not asked twice.
  const [loginPassword, setLoginPassword] = useState<string | null>(null);
  const settings = saved?.token === token ? saved.settings : settingsQuery.data;

  const context = useMemo<AppContextValue | null>(
    () =>
      info.data && settings && user
        ? {
            info: info.data,
            settings,
            user,
            onSettingsSaved: (next) => setSaved({ token, settings: next }),
            logout: () => void logout(),
          }
        : null,
    [info.data, settings, user, token],
  );

  const fatal = info.error ?? (isApiError(me.error) && me.error.code === 'UNAUTHENTICATED' ? null : me.error);
  if (fatal ?? settingsQuery.error) {
    const error = fatal ?? settingsQuery.error;
    return (
      <Center h="100%" p="xl">
        <Alert color="red" title="Không mở được LicenceDesk" maw={560}>
          <Stack gap="sm">
            <Text size="sm">{errorMessage(error)}</Text>
            {!(isApiError(error) && error.code === 'NO_ACCESS_TOKEN') && (
              <Button
                variant="light"
                color="red"
                onClick={() => {
                  info.reload();
                  me.reload();
                  settingsQuery.reload();
                }}
              >
                Thử lại
              </Button>
            )}
          </Stack>
        </Alert>
      </Center>
    );
  }

  if (!info.data) return <Loading />;
  if (!token) {
    return (
      <LoginPage
        firstRun={info.data.firstRun}
        isExpired={getLastSessionEndReason() === 'expired'}
        onLoggedIn={setLoginPassword}
      />
    );
  }
  if (!user) return <Loading />;
  if (user.mustChangePassword) {
    return (
      <ChangePasswordPage
        user={user}
        knownPassword={loginPassword}
        onChanged={() => {
          setLoginPassword(null);
          me.reload();
          info.reload();
        }}
        onLogout={() => void logout()}
      />
    );
  }
  if (!context) return <Loading />;

  // app.info decides at start-up; a successful first-run save flips it without a reload.
  const isConfigured = context.info.isConfigured || context.settings.isConfigured;
  let body: ReactNode;
  if (isConfigured) {
    body = <AppLayout />;
  } else if (user.roles.includes('admin')) {
    body = <SetupPage />;
  } else {
    body = (
      <Center h="100%" p="xl">
        <Alert color="yellow" title="Chưa thiết lập ban đầu" maw={560}>
          <Stack gap="sm">
            <Text size="sm">
              Quản trị viên cần đăng nhập và nhập thông tin cơ quan, giờ làm việc, người ký trước khi tiếp
              nhận hồ sơ.
            </Text>
            <Button variant="light" color="yellow" onClick={() => void logout()}>
              Đăng xuất
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  return <AppContext.Provider value={context}>{body}</AppContext.Provider>;
}

function Loading() {
  return (
    <Center h="100%">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed" size="sm">
          Đang mở LicenceDesk…
        </Text>
      </Stack>
    </Center>
  );
}
