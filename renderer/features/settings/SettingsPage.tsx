import { Alert, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useAppContext, useHasRole } from '../../app/app-context';
import { SettingsForm } from './SettingsForm';
import { AttachmentSettingsPanel } from './AttachmentSettingsForm';

export function SettingsPage() {
  const { info, settings, onSettingsSaved } = useAppContext();
  const isAdmin = useHasRole('admin');
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Cài đặt</Title>
      </Group>
      {!isAdmin && (
        <Alert color="gray">Chỉ quản trị hệ thống được sửa cài đặt; bạn đang xem ở chế độ chỉ đọc.</Alert>
      )}
      <Paper withBorder p="md">
        <SettingsForm
          settings={settings}
          submitLabel="Lưu cài đặt"
          onSaved={onSettingsSaved}
          isReadOnly={!isAdmin}
        />
      </Paper>
      {isAdmin && (
        <Paper withBorder p="md">
          <AttachmentSettingsPanel />
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          Thông tin chương trình
        </Title>
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td w={200} c="dimmed">
                Phiên bản
              </Table.Td>
              <Table.Td>{info.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">Thư mục dữ liệu</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {info.dataDir}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
