import { useMemo } from 'react';
import { AppShell, Badge, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { roleListLabel } from '../../shared/domain/workflow/roles';
import { useAppContext } from './app-context';
import { navigate, routeHref, useRoute, type PageName, type Route } from './routes';
import { IntakePage } from '../features/intake/IntakePage';
import { DossierListPage } from '../features/dossiers/DossierListPage';
import { ProceduresPage } from '../features/procedures/ProceduresPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DossierPage } from '../features/dossiers/DossierPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { UsersPage } from '../features/users/UsersPage';

interface NavItem {
  page: PageName;
  label: string;
  route: Route;
  /** Shown only to administrators (the backend refuses the calls to anyone else anyway). */
  isAdminOnly?: boolean;
}

const allNavItems: NavItem[] = [
  { page: 'intake', label: 'Tiếp nhận hồ sơ', route: { page: 'intake' } },
  { page: 'dossiers', label: 'Danh sách hồ sơ', route: { page: 'dossiers', dossierId: null } },
  { page: 'procedures', label: 'Thủ tục hành chính', route: { page: 'procedures' } },
  { page: 'calendar', label: 'Lịch làm việc', route: { page: 'calendar', year: null } },
  { page: 'users', label: 'Người dùng', route: { page: 'users' }, isAdminOnly: true },
  { page: 'settings', label: 'Cài đặt', route: { page: 'settings' } },
];

const editionLabels = { electron: 'Máy trạm', web: 'Bản web nội bộ', cli: 'Dòng lệnh' } as const;

export function AppLayout() {
  const route = useRoute();
  const { info, settings, user, logout } = useAppContext();
  const isAdmin = user.roles.includes('admin');
  const navItems = useMemo(() => allNavItems.filter((item) => isAdmin || !item.isAdminOnly), [isAdmin]);

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
          {navItems.map((item, index) => (
            <NavLink
              key={item.page}
              href={routeHref(item.route)}
              label={item.label}
              active={route.page === item.page}
              aria-current={route.page === item.page ? 'page' : undefined}
              rightSection={
                <Kbd size="xs" style={{ opacity: 0.6 }}>
                  Alt+{index + 1}
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
        {route.page === 'dossiers' && <DossierListPage isHidden={route.dossierId !== null} />}
        {route.page === 'dossiers' && route.dossierId !== null && (
          <DossierPage key={route.dossierId} dossierId={route.dossierId} />
        )}
        {route.page === 'procedures' && <ProceduresPage />}
        {route.page === 'calendar' && <CalendarPage year={route.year} />}
        {route.page === 'users' && <UsersPage />}
        {route.page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}
