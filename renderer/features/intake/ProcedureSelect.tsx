import { useMemo, type Ref } from 'react';
import { Badge, Group, Select, Text } from '@mantine/core';
import type { ProcedureView } from '../../../shared/api/schemas/procedures';
import { procedureFilter, procedureOptions, UNCONFIGURED_SUFFIX } from '../procedures/procedure-options';

interface ProcedureSelectProps {
  procedures: readonly ProcedureView[];
  value: string;
  onChange(procedureId: string): void;
  /** Called after an option is picked, to move the cursor on to the applicant. */
  onPicked(): void;
  onBlur(): void;
  error: string | undefined;
  isLoading: boolean;
  inputRef: Ref<HTMLInputElement>;
}

export function ProcedureSelect(props: ProcedureSelectProps) {
  const { procedures, value, onChange, onPicked, onBlur, error, isLoading, inputRef } = props;
  const data = useMemo(() => procedureOptions(procedures), [procedures]);

  return (
    <Select
      ref={inputRef}
      label="Thủ tục hành chính"
      placeholder={isLoading ? 'Đang tải danh mục thủ tục…' : 'Gõ tên hoặc mã thủ tục (không cần dấu)'}
      withAsterisk
      searchable
      autoFocus
      data={data}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next ?? '')}
      onOptionSubmit={() => window.setTimeout(onPicked, 0)}
      onBlur={onBlur}
      filter={procedureFilter}
      // Enter right after typing picks the best match: the clerk never needs the mouse or arrow keys.
      selectFirstOptionOnChange
      allowDeselect={false}
      nothingFoundMessage="Không có thủ tục phù hợp"
      maxDropdownHeight={360}
      comboboxProps={{ shadow: 'md' }}
      error={error}
      renderOption={({ option }) => {
        const isUnconfigured = option.disabled === true;
        const label = isUnconfigured ? option.label.slice(0, -UNCONFIGURED_SUFFIX.length) : option.label;
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm" c={isUnconfigured ? 'dimmed' : undefined}>
              {label}
            </Text>
            {isUnconfigured && (
              <Badge color="orange" size="xs" style={{ flexShrink: 0 }}>
                cần cấu hình
              </Badge>
            )}
          </Group>
        );
      }}
    />
  );
}
