import { useState } from 'react';
import {
  Controller,
  useForm,
  type ControllerRenderProps,
  type FieldValues,
  type Path,
  type UseFormSetError,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Modal, MultiSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { contract, type MethodInput, type ParsedInput } from '../../../shared/api/contract';
import type { UserView } from '../../../shared/api/schemas/users';
import { ROLE_LABELS, roles, type Role } from '../../../shared/domain/workflow/roles';
import { api, errorMessage, isApiError } from '../../api/client';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';
import { FormActions } from '../../components/FormActions';

const roleOptions = roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password the administrator can read out: 4 groups of 4, no look-alike characters. */
export function makeTemporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function asRoles(values: string[]): Role[] {
  return values.filter((value): value is Role => (roles as readonly string[]).includes(value));
}

interface RolesSelectProps extends Pick<
  ControllerRenderProps<{ roles: Role[] }, 'roles'>,
  'ref' | 'value' | 'onChange' | 'onBlur'
> {
  placeholder?: string;
  error: string | undefined;
}

/** The "Vai trò" field of the create and edit forms; spread a `roles` Controller's field into it. */
function RolesSelect({ ref, value, onChange, onBlur, placeholder, error }: RolesSelectProps) {
  return (
    <MultiSelect
      ref={ref}
      label="Vai trò"
      withAsterisk
      placeholder={placeholder}
      data={roleOptions}
      value={value}
      onChange={(selected) => onChange(asRoles(selected))}
      onBlur={onBlur}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Puts a backend refusal beside its field (VALIDATION_FAILED), or returns the text to show above the form.
 * CONFLICT gets its own wording: the list is reloaded by the caller.
 */
function handleSaveError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
    const orphans = applyServerFieldErrors(error, setError, (path) => fields.includes(path));
    if (orphans.length > 0) return orphans.join(' ');
    return Object.keys(error.fieldErrors).length === 0 ? error.message : null;
  }
  return errorMessage(error);
}

interface PasswordFieldProps {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  label: string;
}

/** Shown in clear: the administrator reads it out once; the user must replace it at first login. */
function TemporaryPasswordInput({ value, onChange, error, label }: PasswordFieldProps) {
  return (
    <TextInput
      label={label}
      withAsterisk
      description={
        <>
          Ít nhất 10 ký tự; người dùng phải đổi khi đăng nhập lần đầu.{' '}
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => onChange(makeTemporaryPassword())}
          >
            Tạo ngẫu nhiên
          </Anchor>
        </>
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      ff="monospace"
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}

type CreateValues = MethodInput<'users.create'>;

export function CreateUserModal({
  onClose,
  onSaved,
}: {
  onClose(): void;
  onSaved(input: ParsedInput<'users.create'>, user: UserView): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateValues, unknown, ParsedInput<'users.create'>>({
    resolver: zodResolver(contract['users.create'].input),
    defaultValues: {
      username: '',
      fullName: '',
      title: '',
      roles: [],
      temporaryPassword: makeTemporaryPassword(),
    },
  });
  const err = (path: Path<CreateValues>) => fieldError(errors, path);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await api['users.create'](values);
      onSaved(values, user);
    } catch (error) {
      setFormError(
        handleSaveError(error, setError, ['username', 'fullName', 'title', 'roles', 'temporaryPassword']),
      );
    }
  });

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Thêm người dùng</Text>} size="md">
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Thêm người dùng">
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label="Tên đăng nhập"
            withAsterisk
            description="Chữ không dấu, số, dấu chấm — ví dụ: mai.tt"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="off"
            data-autofocus
            {...register('username')}
            error={err('username')}
          />
          <TextInput
            label="Họ và tên"
            withAsterisk
            autoComplete="off"
            {...register('fullName')}
            error={err('fullName')}
          />
          <TextInput label="Chức vụ" autoComplete="off" {...register('title')} error={err('title')} />
          <Controller
            control={control}
            name="roles"
            render={({ field }) => (
              <RolesSelect {...field} placeholder="Chọn một hoặc nhiều vai trò" error={err('roles')} />
            )}
          />
          <Controller
            control={control}
            name="temporaryPassword"
            render={({ field }) => (
              <TemporaryPasswordInput
                label="Mật khẩu tạm thời"
                value={field.value}
                onChange={field.onChange}
                error={err('temporaryPassword')}
              />
            )}
          />
          <FormActions onCancel={onClose} isSubmitting={isSubmitting}>
            Tạo tài khoản
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

type UpdateValues = MethodInput<'users.update'>;

export function EditUserModal({
  user,
  isSelf,
  onClose,
  onSaved,
  onConflict,
}: {
  user: UserView;
  isSelf: boolean;
  onClose(): void;
  onSaved(user: UserView): void;
  onConflict(): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateValues, unknown, ParsedInput<'users.update'>>({
    resolver: zodResolver(contract['users.update'].input),
    defaultValues: {
      id: user.id,
      fullName: user.fullName,
      title: user.title ?? '',
      roles: user.roles,
      isActive: user.isActive,
      version: user.version,
    },
  });
  const err = (path: Path<UpdateValues>) => fieldError(errors, path);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await api['users.update'](values));
    } catch (error) {
      if (isApiError(error) && error.code === 'CONFLICT') {
        setFormError(`${error.message} Danh sách đã được tải lại; hãy đóng và mở lại tài khoản này.`);
        onConflict();
        return;
      }
      setFormError(handleSaveError(error, setError, ['fullName', 'title', 'roles', 'isActive']));
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={600}>
          Sửa tài khoản <span className="dossier-code">{user.username}</span>
        </Text>
      }
      size="md"
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Sửa tài khoản">
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label="Họ và tên"
            withAsterisk
            autoComplete="off"
            data-autofocus
            {...register('fullName')}
            error={err('fullName')}
          />
          <TextInput label="Chức vụ" autoComplete="off" {...register('title')} error={err('title')} />
          <Controller
            control={control}
            name="roles"
            render={({ field }) => <RolesSelect {...field} error={err('roles')} />}
          />
          <Controller
            control={control}
            name="isActive"
            render={({ field }) => (
              <Switch
                ref={field.ref}
                label="Đang hoạt động"
                description={
                  isSelf
                    ? 'Bạn không thể tự khóa tài khoản của mình.'
                    : 'Tài khoản bị khóa không đăng nhập được; lịch sử xử lý hồ sơ vẫn giữ tên người này.'
                }
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                disabled={isSelf}
                error={err('isActive')}
              />
            )}
          />
          <FormActions onCancel={onClose} isSubmitting={isSubmitting}>
            Lưu thay đổi
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

type ResetValues = MethodInput<'users.resetPassword'>;

export function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserView;
  onClose(): void;
  onSaved(password: string, user: UserView): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetValues, unknown, ParsedInput<'users.resetPassword'>>({
    resolver: zodResolver(contract['users.resetPassword'].input),
    defaultValues: { id: user.id, temporaryPassword: makeTemporaryPassword() },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(values.temporaryPassword, await api['users.resetPassword'](values));
    } catch (error) {
      setFormError(handleSaveError(error, setError, ['temporaryPassword']));
    }
  });

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Đặt lại mật khẩu</Text>} size="md">
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Đặt lại mật khẩu">
        <Stack gap="sm">
          <Text size="sm">
            {user.fullName} (<span className="dossier-code">{user.username}</span>) sẽ đăng nhập bằng mật khẩu
            tạm thời này và phải đổi ngay khi đăng nhập.
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <Controller
            control={control}
            name="temporaryPassword"
            render={({ field }) => (
              <TemporaryPasswordInput
                label="Mật khẩu tạm thời mới"
                value={field.value}
                onChange={field.onChange}
                error={fieldError(errors, 'temporaryPassword')}
              />
            )}
          />
          <FormActions onCancel={onClose} isSubmitting={isSubmitting} color="orange">
            Đặt lại mật khẩu
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
