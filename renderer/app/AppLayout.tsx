import { AppShell, Badge, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { roleListLabel } from '../../shared/domain/workflow/roles';
import { useAppContext } from './app-context';
import { navigate, routeHref, useRoute, type PageName, type Route } from './routes';
import { IntakePage } from '../features/intake/IntakePage';
import { DossierListPage } from '../features/dossiers/DossierListPage';
import { ProceduresPage } from '../features/procedures/ProceduresPage';
import { SettingsPage } from '../features/settings/SettingsPage';

interface NavItem {
  page: PageName;
  label: string;
  hint: string;
  route: Route;
}

const navItems: NavItem[] = [
  { page: 'intake', label: 'Tiếp nhận hồ sơ', hint: 'Alt+1', route: { page: 'intake' } },
  { page: 'dossiers', label: 'Danh sách hồ sơ', hint: 'Alt+2', route: { page: 'dossiers', dossierId: null } },
  { page: 'procedures', label: 'Thủ tục hành chính', hint: 'Alt+3', route: { page: 'procedures' } },
  { page: 'settings', label: 'Cài đặt', hint: 'Alt+4', route: { page: 'settings' } },
];

const editionLabels = { electron: 'Máy trạm', web: 'Bản web nội bộ', cli: 'Dòng lệnh' } as const;

export function AppLayout() {
  const route = useRoute();
  const { info, settings, user, logout } = useAppContext();

  // Clerks switch screens all day; Alt+digit works even while typing in a field.
  useHotkeys(
    navItems.map((item, index) => [`alt+${index + 1}`, () => navigate(item.route)] as [string, () => void]),
    [],
  );

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} c="indigo.8">
              LicenceDesk
            </Title>
            <Text size="sm" c="dimmed" truncate>
              {settings.agency.name} · {settings.agency.deskName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge color="gray" variant="outline">
              {editionLabels[info.edition]}
            </Badge>
            <div style={{ textAlign: 'right', lineHeight: 1.2 }}>
              <Text size="sm" fw={600} data-testid="current-user">
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {roleListLabel(user.roles)}
              </Text>
            </div>
            <Button variant="subtle" color="gray" size="xs" onClick={logout}>
              Đăng xuất
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Chức năng">
        <Stack gap={2} style={{ flex: 1 }}>
          {navItems.map((item) => (
            <NavLink
              key={item.page}
              href={routeHref(item.route)}
              label={item.label}
              active={route.page === item.page}
              aria-current={route.page === item.page ? 'page' : undefined}
              rightSection={
                <Kbd size="xs" style={{ opacity: 0.6 }}>
                  {item.hint}
                </Kbd>
              }
            />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" px="xs">
          LicenceDesk v{info.version}
        </Text>
      </AppShell.Navbar>

      <AppShell.Main>
        {route.page === 'intake' && <IntakePage />}
        {route.page === 'dossiers' && <DossierListPage dossierId={route.dossierId} />}
        {route.page === 'procedures' && <ProceduresPage />}
        {route.page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}
