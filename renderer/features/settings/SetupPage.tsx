import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useAppContext } from '../../app/app-context';
import { SettingsForm } from './SettingsForm';

/** First run: nothing can be printed until the agency, office hours and signers are known. */
export function SetupPage() {
  const { settings, onSettingsSaved } = useAppContext();
  return (
    <Container size="lg" py="xl">
      <Stack gap="md">
        <div>
          <Title order={2}>Thiết lập ban đầu</Title>
          <Text c="dimmed" size="sm">
            Nhập thông tin cơ quan, giờ làm việc và người ký. Các thông tin này được in trên giấy tiếp nhận và
            các văn bản khác; quản trị viên có thể sửa lại trong mục Cài đặt.
          </Text>
        </div>
        <Paper withBorder p="md">
          <SettingsForm settings={settings} submitLabel="Lưu và bắt đầu sử dụng" onSaved={onSettingsSaved} />
        </Paper>
      </Stack>
    </Container>
  );
}
