import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UserView } from '../../../shared/api/schemas/users';
import { ROLE_LABELS } from '../../../shared/domain/workflow/roles';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppContext, useHasRole } from '../../app/app-context';
import { notifySuccess } from '../../components/notify';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './UserModals';

const noInput = {};

type Dialog =
  { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | null;

/** The password just set, shown once on the page so the administrator can hand it over. */
interface Handover {
  username: string;
  fullName: string;
  password: string;
}

/** Người dùng (quản trị): accounts, their roles and status; create, edit, reset a password. */
export function UsersPage() {
  const isAdmin = useHasRole('admin');
  const { user: me } = useAppContext();
  const users = useApiQuery('users.list', isAdmin ? noInput : null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [handover, setHandover] = useState<Handover | null>(null);

  if (!isAdmin) {
    return (
      <Stack gap="sm">
        <Title order={3}>Người dùng</Title>
        <Alert color="gray">Chỉ quản trị hệ thống quản lý được tài khoản người dùng.</Alert>
      </Stack>
    );
  }

  const list = users.data ?? [];
  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Người dùng</Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>Thêm người dùng</Button>
      </Group>

      {users.error != null && (
        <Alert color="red" title="Không tải được danh sách người dùng">
          {errorMessage(users.error)}
        </Alert>
      )}
      {handover && (
        <Alert
          color="green"
          title={`Mật khẩu tạm thời của ${handover.fullName}`}
          withCloseButton
          closeButtonLabel="Ẩn mật khẩu"
          onClose={() => setHandover(null)}
          data-testid="password-handover"
        >
          Tên đăng nhập <Code>{handover.username}</Code>, mật khẩu tạm thời <Code>{handover.password}</Code>.
          Hãy giao trực tiếp cho người dùng; họ phải đổi mật khẩu khi đăng nhập lần đầu.
        </Alert>
      )}

      <Paper withBorder>
        <Table striped="even" highlightOnHover verticalSpacing={6} fz="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Tên đăng nhập</Table.Th>
              <Table.Th>Họ và tên</Table.Th>
              <Table.Th w={160}>Chức vụ</Table.Th>
              <Table.Th>Vai trò</Table.Th>
              <Table.Th w={170}>Trạng thái</Table.Th>
              <Table.Th w={210} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row">
                <Table.Td className="dossier-code">{u.username}</Table.Td>
                <Table.Td>
                  {u.fullName}
                  {u.id === me.id && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (bạn)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{u.title ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((role) => (
                      <Badge key={role} size="sm" color={role === 'admin' ? 'grape' : 'indigo'}>
                        {ROLE_LABELS[role]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="sm" color={u.isActive ? 'green' : 'gray'}>
                      {u.isActive ? 'Đang hoạt động' : 'Đã khóa'}
                    </Badge>
                    {u.mustChangePassword && (
                      <Badge size="sm" color="yellow" title="Đang dùng mật khẩu tạm thời">
                        Chờ đổi mật khẩu
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'edit', user: u })}
                      aria-label={`Sửa tài khoản ${u.username}`}
                    >
                      Sửa
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="orange"
                      onClick={() => setDialog({ kind: 'reset', user: u })}
                      aria-label={`Đặt lại mật khẩu ${u.username}`}
                    >
                      Đặt lại mật khẩu
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {users.data && list.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    Chưa có tài khoản nào.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="xs" c="dimmed">
        Vai trò quyết định thao tác được phép trên hồ sơ; máy chủ kiểm tra lại mọi thao tác, không chỉ ẩn nút.
      </Text>

      {dialog?.kind === 'create' && (
        <CreateUserModal
          onClose={() => setDialog(null)}
          onSaved={(input, created) => {
            setDialog(null);
            setHandover({
              username: created.username,
              fullName: created.fullName,
              password: input.temporaryPassword,
            });
            notifySuccess('Đã tạo tài khoản', `${created.fullName} (${created.username})`);
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditUserModal
          key={dialog.user.id}
          user={dialog.user}
          isSelf={dialog.user.id === me.id}
          onClose={() => setDialog(null)}
          onConflict={users.reload}
          onSaved={(saved) => {
            setDialog(null);
            notifySuccess('Đã lưu tài khoản', `${saved.fullName} (${saved.username})`);
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(password, saved) => {
            setDialog(null);
            setHandover({ username: saved.username, fullName: saved.fullName, password });
            notifySuccess('Đã đặt lại mật khẩu', `${saved.fullName} (${saved.username})`);
            users.reload();
          }}
        />
      )}
    </Stack>
  );
}
