import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Input, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { z } from '../../../shared/api/zod-vi';
import { calendarEditSchema } from '../../../shared/api/schemas/calendar';
import { fieldError } from '../../lib/form-errors';
import { formatDate, parseViDate, weekdayName } from '../../lib/format';
import { dayDescription, type CalendarDay } from './YearGrid';
import { FormActions } from '../../components/FormActions';

// The "add" edit of the contract, as the form's schema: the same labels and limits as the backend's.
const addSchema = calendarEditSchema.options[0];
type AddValues = z.input<typeof addSchema>;
export type AddEdit = z.output<typeof addSchema>;

interface AddDayModalProps {
  initialDate: string | null;
  initialKind: 'off' | 'makeup';
  /** What the calendar says about a date today (for the hint under the date). */
  describe(date: string): CalendarDay | undefined;
  onClose(): void;
  /** Goes on to the preview: nothing is changed before the administrator has seen what moves. */
  onPreview(edit: AddEdit): void;
}

export function AddDayModal({ initialDate, initialKind, describe, onClose, onPreview }: AddDayModalProps) {
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<AddValues, unknown, AddEdit>({
    resolver: zodResolver(addSchema),
    defaultValues: { type: 'add', date: initialDate ?? '', kind: initialKind, name: '', source: '' },
  });
  const date = useWatch({ control, name: 'date' });
  const kind = useWatch({ control, name: 'kind' });
  const current = date ? describe(date) : undefined;

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Thêm ngày nghỉ hoặc ngày làm bù</Text>} size="md">
      <form
        onSubmit={(event) => void handleSubmit(onPreview)(event)}
        noValidate
        aria-label="Thêm ngày nghỉ hoặc ngày làm bù"
      >
        <Stack gap="sm">
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Input.Wrapper label="Loại ngày" withAsterisk error={fieldError(errors, 'kind')}>
                <div>
                  <SegmentedControl
                    aria-label="Loại ngày"
                    value={field.value}
                    onChange={(value) => field.onChange(value === 'makeup' ? 'makeup' : 'off')}
                    data={[
                      { value: 'off', label: 'Ngày nghỉ' },
                      { value: 'makeup', label: 'Ngày làm bù' },
                    ]}
                  />
                </div>
              </Input.Wrapper>
            )}
          />
          <Controller
            control={control}
            name="date"
            render={({ field }) => (
              <DateInput
                ref={field.ref}
                label="Ngày"
                withAsterisk
                valueFormat="DD/MM/YYYY"
                dateParser={parseViDate}
                placeholder="dd/mm/yyyy"
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                error={fieldError(errors, 'date')}
                description={
                  current
                    ? `${weekdayName(current.date)} ${formatDate(current.date)} hiện là: ${dayDescription(current)}`
                    : undefined
                }
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                popoverProps={{ withinPortal: true }}
              />
            )}
          />
          <TextInput
            label={kind === 'makeup' ? 'Lý do làm bù' : 'Tên ngày nghỉ'}
            withAsterisk
            placeholder={kind === 'makeup' ? 'Làm bù cho ngày nghỉ …' : 'Ví dụ: Nghỉ bù Quốc khánh'}
            autoComplete="off"
            data-autofocus
            {...register('name')}
            error={fieldError(errors, 'name')}
          />
          <TextInput
            label="Văn bản căn cứ"
            placeholder="Ví dụ: Thông báo 9441/TB-BNV"
            autoComplete="off"
            {...register('source')}
            error={fieldError(errors, 'source')}
          />
          <FormActions onCancel={onClose}>Xem trước thay đổi</FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
