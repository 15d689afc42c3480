import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { z } from '../../../shared/api/zod-vi';
import { api, errorMessage, isApiError } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { fieldError } from '../../lib/form-errors';
import { formatDate, formatInstant, parseViDate } from '../../lib/format';
import { useOfficeOffset } from '../../app/app-context';
import type { WorkflowView } from '../workflow/action-form';

/**
 * Filled by the register or from the dossier itself, never typed: the number and date are assigned when the
 * văn thư issues the licence, the holder and application date come from the receipt (licence-template.ts).
 */
const NOT_TYPED = new Set(['number', 'issueDate', 'place', 'holder', 'applicationDate']);
/** Printed as dates ("ngày 05 tháng 3 năm 2027"): entered with a date picker as 'YYYY-MM-DD'. */
const DATE_FIELDS = new Set(['validUntil']);

const valuesSchema = z.record(z.string(), z.string().max(2000, { error: 'Tối đa 2000 ký tự.' }));
type Values = Record<string, string>;

interface LicenceFieldsFormProps {
  view: WorkflowView;
  canEdit: boolean;
  /** From a refused issue: `licenceFields.<key>` -> message. */
  serverErrors: Record<string, string>;
  onSaved(): void;
  onDirtyChange(isDirty: boolean): void;
}

/** Nội dung giấy phép: the fields the procedure's licence template prints, entered during appraisal. */
export function LicenceFieldsForm({
  view,
  canEdit,
  serverErrors,
  onSaved,
  onDirtyChange,
}: LicenceFieldsFormProps) {
  const offset = useOfficeOffset();
  const spec = useMemo(
    () => view.licenceFieldSpec.filter((f) => !NOT_TYPED.has(f.key)),
    [view.licenceFieldSpec],
  );
  const [defaultValues] = useState<Values>(() =>
    Object.fromEntries(spec.map((f) => [f.key, view.licenceFields[f.key] ?? ''])),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(valuesSchema), defaultValues });
  const values = useWatch({ control }) as Values;

  useEffect(() => {
    onDirtyChange(isDirty);
  }, [isDirty, onDirtyChange]);
  // What was saved (here or in another window) replaces the form, unless the user is in the middle of typing:
  // after a CONFLICT the typed values stay and the next save carries the fresh version.
  useEffect(() => {
    if (!isDirty) reset(Object.fromEntries(spec.map((f) => [f.key, view.licenceFields[f.key] ?? ''])));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new server value should reset the form
  }, [view.licenceFields]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const missing = spec.filter((f) => f.required && !(values[f.key] ?? '').trim());
  const errorFor = (key: string) =>
    fieldError(errors, key) ?? serverErrors[`licenceFields.${key}`] ?? serverErrors[key];
  // A placeholder of the template may lack a field of its own: show its message above the form.
  const orphanServerErrors = Object.entries(serverErrors)
    .filter(([path]) => !spec.some((f) => path === `licenceFields.${f.key}` || path === f.key))
    .map(([, message]) => message);

  const onSubmit = handleSubmit(async (submitted) => {
    setFormError(null);
    try {
      await api['workflow.setLicenceFields']({
        dossierId: view.dossierId,
        version: view.version,
        fields: Object.fromEntries(spec.map((f) => [f.key, (submitted[f.key] ?? '').trim()])),
      });
      reset(submitted);
      notifySuccess(
        'Đã lưu nội dung giấy phép',
        `${spec.length - missing.length}/${spec.length} mục đã có nội dung.`,
      );
      onSaved();
    } catch (error) {
      if (isApiError(error) && error.code === 'CONFLICT') {
        notifyError('Hồ sơ vừa được người khác cập nhật', error.message);
        setFormError(`${error.message} Nội dung bạn nhập vẫn còn trên màn hình; hãy lưu lại.`);
        onSaved();
      } else if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        let placed = false;
        for (const [path, message] of Object.entries(error.fieldErrors)) {
          const key = path.replace(/^fields\./, '');
          if (spec.some((f) => f.key === key)) {
            setError(key, { type: 'server', message }, { shouldFocus: !placed });
            placed = true;
          }
        }
        if (!placed) setFormError(error.message);
      } else {
        setFormError(errorMessage(error));
      }
    }
  });

  const header = (
    <Group justify="space-between" align="flex-start">
      <Text size="xs" c="dimmed" maw={620}>
        Số và ngày cấp giấy phép do văn thư cấp khi cấp số; tên tổ chức, cá nhân được cấp và ngày nộp đơn lấy
        từ hồ sơ. Mục có dấu{' '}
        <Text span c="red">
          *
        </Text>{' '}
        phải có trước khi cấp số giấy phép.
      </Text>
      {missing.length > 0 ? (
        <Badge color="orange" data-testid="licence-missing-count">
          Còn thiếu {missing.length} mục bắt buộc
        </Badge>
      ) : (
        <Badge color="green">Đủ nội dung bắt buộc</Badge>
      )}
    </Group>
  );

  if (spec.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Thủ tục này không có nội dung giấy phép cần nhập.
      </Text>
    );
  }

  if (!canEdit) {
    return (
      <Stack gap="sm" data-testid="licence-fields">
        {view.licence && (
          <Alert color={view.licence.isVoid ? 'red' : 'green'}>
            Giấy phép số <b>{view.licence.number}</b> cấp lúc {formatInstant(view.licence.issuedAt, offset)}
            {view.licence.isVoid ? ` — đã hủy: ${view.licence.voidReason ?? ''}` : ''}. Nội dung dưới đây là
            nội dung đã in.
          </Alert>
        )}
        {header}
        {orphanServerErrors.length > 0 && <Alert color="red">{orphanServerErrors.join(' ')}</Alert>}
        <Table fz="sm" verticalSpacing={4} withRowBorders>
          <Table.Tbody>
            {spec.map((f) => {
              const value = view.licenceFields[f.key] ?? '';
              const error = errorFor(f.key);
              return (
                <Table.Tr key={f.key}>
                  <Table.Td w="40%" c="dimmed" style={{ verticalAlign: 'top' }}>
                    {f.label}
                    {f.required && (
                      <Text span c="red">
                        {' '}
                        *
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    {value ? (
                      DATE_FIELDS.has(f.key) ? (
                        formatDate(value)
                      ) : (
                        value
                      )
                    ) : (
                      <Text span size="sm" c="dimmed">
                        chưa nhập
                      </Text>
                    )}
                    {error && (
                      <Text size="xs" c="red">
                        {error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Chỉ chuyên viên được phân công hoặc lãnh đạo sửa được nội dung này, khi hồ sơ đang thẩm định hoặc
          trình ký.
        </Text>
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Nội dung giấy phép"
      data-testid="licence-fields"
    >
      <Stack gap="sm">
        {header}
        {formError && <Alert color="red">{formError}</Alert>}
        {orphanServerErrors.length > 0 && <Alert color="red">{orphanServerErrors.join(' ')}</Alert>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
          {spec.map((f) => (
            <Controller
              key={f.key}
              control={control}
              name={f.key}
              render={({ field }) =>
                DATE_FIELDS.has(f.key) ? (
                  <DateInput
                    ref={field.ref}
                    label={f.label}
                    required={f.required}
                    valueFormat="DD/MM/YYYY"
                    dateParser={parseViDate}
                    placeholder="dd/mm/yyyy"
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    error={errorFor(f.key)}
                    clearable
                  />
                ) : (
                  <Textarea
                    ref={field.ref}
                    label={f.label}
                    required={f.required}
                    autosize
                    minRows={1}
                    maxRows={6}
                    value={field.value ?? ''}
                    onChange={(event) => field.onChange(event.currentTarget.value)}
                    onBlur={field.onBlur}
                    error={errorFor(f.key)}
                  />
                )
              }
            />
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={isSubmitting} disabled={isSubmitting || !isDirty}>
            Lưu nội dung giấy phép
          </Button>
          {isDirty && (
            <Text size="xs" c="orange.8">
              Có thay đổi chưa lưu
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
