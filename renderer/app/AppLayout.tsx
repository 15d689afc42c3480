import { lazy, Suspense, useMemo } from 'react';
import {
  AppShell,
  Badge,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { roleListLabel, type Role } from '../../shared/domain/workflow/roles';
import { useAppContext } from './app-context';
import { navigate, routeHref, useRoute, type PageName, type Route } from './routes';
import { IntakePage } from '../features/intake/IntakePage';
import { DossierListPage } from '../features/dossiers/DossierListPage';
import { ProceduresPage } from '../features/procedures/ProceduresPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DossierPage } from '../features/dossiers/DossierPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { UsersPage } from '../features/users/UsersPage';
import { ReportPage } from '../features/statistics/ReportPage';
import { ImportPage } from '../features/import/ImportPage';
import { BackupPage } from '../features/backup/BackupPage';
import { DailyRegisterButton } from '../components/DailyRegisterButton';
import { IntegrityBanner } from '../components/IntegrityBanner';

// The dashboard carries the chart library; it loads when first opened, not with the desk's screens.
const StatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);

interface NavItem {
  page: PageName;
  label: string;
  route: Route;
  /**
   * Shown only to these roles, mirroring the contract's `access` (the backend refuses the calls to anyone else
   * anyway). Absent: every signed-in user.
   */
  roles?: readonly Role[];
}

const ADMIN: readonly Role[] = ['admin'];
/** documents.dailyRegister's access. */
const REGISTER_PRINTERS: readonly Role[] = ['clerk', 'unit_leader', 'director', 'admin'];

const allNavItems: NavItem[] = [
  { page: 'intake', label: 'Tiếp nhận hồ sơ', route: { page: 'intake' } },
  { page: 'dossiers', label: 'Danh sách hồ sơ', route: { page: 'dossiers', dossierId: null } },
  // stats.* are open to every user (read-only); the exports inside are for leaders and administrators.
  { page: 'statistics', label: 'Thống kê', route: { page: 'statistics' } },
  { page: 'report', label: 'Báo cáo', route: { page: 'report' } },
  { page: 'procedures', label: 'Thủ tục hành chính', route: { page: 'procedures' } },
  { page: 'calendar', label: 'Lịch làm việc', route: { page: 'calendar', year: null } },
  { page: 'users', label: 'Người dùng', route: { page: 'users' }, roles: ADMIN },
  { page: 'import', label: 'Nhập dữ liệu cũ', route: { page: 'import' }, roles: ADMIN },
  { page: 'backup', label: 'Sao lưu', route: { page: 'backup' }, roles: ADMIN },
  { page: 'settings', label: 'Cài đặt', route: { page: 'settings' } },
];

/** Alt+1 … Alt+9: the first nine screens of the menu. */
const HOTKEY_COUNT = 9;

const editionLabels = {
  electron: 'Máy trạm',
  web: 'Bản web nội bộ',
  office: 'Máy chủ cơ quan',
  cli: 'Dòng lệnh',
} as const;

export function AppLayout() {
  const route = useRoute();
  const { info, settings, user, logout } = useAppContext();
  const navItems = useMemo(
    () => allNavItems.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role))),
    [user.roles],
  );
  const canPrintRegister = REGISTER_PRINTERS.some((role) => user.roles.includes(role));

  // Clerks switch screens all day; Alt+digit works even while typing in a field.
  useHotkeys(
    navItems
      .slice(0, HOTKEY_COUNT)
      .map((item, index) => [`alt+${index + 1}`, () => navigate(item.route)] as [string, () => void]),
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
            {canPrintRegister && <DailyRegisterButton />}
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
                index < HOTKEY_COUNT ? (
                  <Kbd size="xs" style={{ opacity: 0.6 }}>
                    Alt+{index + 1}
                  </Kbd>
                ) : undefined
              }
            />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" px="xs">
          LicenceDesk v{info.version}
        </Text>
      </AppShell.Navbar>

      <AppShell.Main>
        <IntegrityBanner />
        {route.page === 'intake' && <IntakePage />}
        {route.page === 'dossiers' && <DossierListPage isHidden={route.dossierId !== null} />}
        {route.page === 'dossiers' && route.dossierId !== null && (
          <DossierPage key={route.dossierId} dossierId={route.dossierId} />
        )}
        {route.page === 'statistics' && (
          <Suspense
            fallback={
              <Center p="xl">
                <Loader size="sm" />
              </Center>
            }
          >
            <StatisticsPage />
          </Suspense>
        )}
        {route.page === 'report' && <ReportPage />}
        {route.page === 'procedures' && <ProceduresPage />}
        {route.page === 'calendar' && <CalendarPage year={route.year} />}
        {route.page === 'users' && <UsersPage />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'backup' && <BackupPage />}
        {route.page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}
