import { Badge, Checkbox, NumberInput, SegmentedControl, Table, Text } from '@mantine/core';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import type { ReceiveInput } from '../../../shared/api/schemas/dossiers';
import type { ProcedureView } from '../../../shared/api/schemas/procedures';
import { fieldError } from '../../lib/form-errors';

interface ComponentChecklistProps {
  control: Control<ReceiveInput>;
  errors: FieldErrors<ReceiveInput>;
  /** The procedure's catalogue entries, same order as the form's `components` array. */
  catalogue: ProcedureView['components'];
  rowKeys: string[];
}

function toCount(value: number | string): number {
  return typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
}

/**
 * "Thành phần hồ sơ": the clerk ticks what was handed over (Space), Enter jumps to the next item. Copies and
 * original/copy are prefilled from the catalogue and reachable with Tab, so Enter skips them.
 */
export function ComponentChecklist({ control, errors, catalogue, rowKeys }: ComponentChecklistProps) {
  if (rowKeys.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Thủ tục này chưa có danh mục thành phần hồ sơ.
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders striped="even" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tên thành phần (đánh dấu nếu đã nộp)</Table.Th>
          <Table.Th w={90}>Số bản</Table.Th>
          <Table.Th w={176}>Loại bản</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rowKeys.map((key, index) => {
          const entry = catalogue[index];
          const name = entry?.name ?? '';
          const rowError =
            fieldError(errors, `components.${index}.isProvided`) ??
            fieldError(errors, `components.${index}.name`);
          return (
            <Table.Tr key={key} data-testid="component-row">
              <Table.Td>
                <Controller
                  control={control}
                  name={`components.${index}.isProvided`}
                  render={({ field }) => (
                    <Checkbox
                      ref={field.ref}
                      checked={field.value}
                      onChange={(event) => field.onChange(event.currentTarget.checked)}
                      onBlur={field.onBlur}
                      label={
                        <>
                          {name}
                          {entry?.required && (
                            <Badge ml={6} size="xs" color="red" variant="light" aria-hidden>
                              bắt buộc
                            </Badge>
                          )}
                        </>
                      }
                      aria-label={name}
                      aria-required={entry?.required ?? false}
                      // Mantine's Checkbox does not mark itself invalid; screen readers need it.
                      aria-invalid={rowError ? true : undefined}
                      error={rowError}
                    />
                  )}
                />
              </Table.Td>
              <Table.Td data-enter-skip>
                <Controller
                  control={control}
                  name={`components.${index}.copies`}
                  render={({ field }) => (
                    <NumberInput
                      ref={field.ref}
                      aria-label={`Số bản: ${name}`}
                      size="xs"
                      min={0}
                      max={99}
                      allowDecimal={false}
                      allowNegative={false}
                      value={Number.isNaN(field.value) ? '' : field.value}
                      onChange={(value) => field.onChange(toCount(value))}
                      onBlur={field.onBlur}
                      error={fieldError(errors, `components.${index}.copies`)}
                    />
                  )}
                />
              </Table.Td>
              <Table.Td data-enter-skip>
                <Controller
                  control={control}
                  name={`components.${index}.isOriginal`}
                  render={({ field }) => (
                    <SegmentedControl
                      size="xs"
                      fullWidth
                      aria-label={`Loại bản: ${name}`}
                      value={field.value ? 'original' : 'copy'}
                      onChange={(value) => field.onChange(value === 'original')}
                      data={[
                        { value: 'original', label: 'Bản chính' },
                        { value: 'copy', label: 'Bản sao' },
                      ]}
                    />
                  )}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
