import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Center,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { errorMessage, invokeRaw, isApiError } from '../../api/client';

interface Probed {
  url: string;
  fingerprint: string;
  subject: string;
  validTo: string;
}

/**
 * The desktop app's first start: work on this PC's own store, or connect to the office server. Connecting
 * shows the certificate the server presents; the person compares it with the "Certificate SHA-256" line the
 * server printed and types or pastes it, and only a match is saved — pinned from then on.
 */
export function ConnectionChoicePage() {
  const [address, setAddress] = useState('');
  const [probed, setProbed] = useState<Probed | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorMessage(failure));
      if (isApiError(failure))
        setFieldError(failure.fieldErrors.fingerprint ?? failure.fieldErrors.url ?? null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center h="100%" p="xl">
      <Stack maw={900} w="100%" gap="lg">
        <Title order={2}>Chọn cách dùng LicenceDesk trên máy này</Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="lg">
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={4}>Dùng trên máy này</Title>
              <Text size="sm">
                Dữ liệu nằm trên ổ đĩa của máy này; chỉ những người dùng máy này làm việc với sổ hồ sơ. Phù
                hợp khi cả bộ phận dùng chung một máy.
              </Text>
              <Button
                loading={busy}
                onClick={() =>
                  void run(async () => void (await invokeRaw('connection.choose', { mode: 'local' })))
                }
              >
                Dùng trên máy này
              </Button>
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={4}>Kết nối máy chủ của cơ quan</Title>
              <TextInput
                label="Địa chỉ máy chủ"
                placeholder="https://192.168.1.10:8443/"
                value={address}
                onChange={(event) => {
                  setAddress(event.currentTarget.value);
                  setProbed(null);
                }}
              />
              <Button
                variant="light"
                loading={busy}
                disabled={address.trim() === ''}
                onClick={() =>
                  void run(async () =>
                    setProbed((await invokeRaw('connection.probe', { url: address })) as Probed),
                  )
                }
              >
                Kiểm tra máy chủ
              </Button>
              {probed && (
                <Stack gap="xs">
                  <Text size="sm">
                    Máy chủ <b>{probed.url}</b> trình chứng chỉ có mã SHA-256:
                  </Text>
                  <Code block data-testid="probed-fingerprint">
                    {probed.fingerprint}
                  </Code>
                  <TextInput
                    label="Mã chứng chỉ in trên máy chủ (dòng “Certificate SHA-256”)"
                    description="Gõ hoặc dán mã do quản trị viên cung cấp; chỉ kết nối khi hai mã trùng nhau."
                    value={typed}
                    error={fieldError}
                    onChange={(event) => setTyped(event.currentTarget.value)}
                  />
                  <Group justify="flex-end">
                    <Button
                      loading={busy}
                      disabled={typed.trim() === ''}
                      onClick={() =>
                        void run(
                          async () =>
                            void (await invokeRaw('connection.choose', {
                              mode: 'office',
                              url: probed.url,
                              fingerprint: typed,
                            })),
                        )
                      }
                    >
                      Xác nhận và kết nối
                    </Button>
                  </Group>
                </Stack>
              )}
            </Stack>
          </Card>
        </SimpleGrid>
      </Stack>
    </Center>
  );
}
