import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { contract, type MethodInput, type ParsedInput } from '../../../shared/api/contract';
import {
  deadlineUnitLabels,
  deadlineUnits,
  type ProcedureView,
} from '../../../shared/api/schemas/procedures';
import { api, errorMessage, isApiError } from '../../api/client';
import { useAppContext } from '../../app/app-context';
import { notifySuccess } from '../../components/notify';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';
import { FormActions } from '../../components/FormActions';

const schema = contract['procedures.configure'].input;
type FormValues = MethodInput<'procedures.configure'>;
type ParsedValues = ParsedInput<'procedures.configure'>;

const unitOptions = deadlineUnits.map((unit) => ({ value: unit, label: deadlineUnitLabels[unit] }));

interface ConfigureProcedureModalProps {
  procedure: ProcedureView;
  onClose(): void;
  onSaved(): void;
}

/**
 * Sets a procedure's legal deadline. The change creates a new catalogue version effective from the chosen
 * date, so dossiers already received keep the deadline they were promised.
 */
export function ConfigureProcedureModal({ procedure, onClose, onSaved }: ConfigureProcedureModalProps) {
  const { info } = useAppContext();
  const [formError, setFormError] = useState<string | null>(null);
  const [defaultValues] = useState<FormValues>(() => ({
    procedureId: procedure.id,
    deadline: procedure.deadline ?? 10,
    deadlineUnit: procedure.deadlineUnit ?? 'wd',
    effectiveFrom: info.today,
    reason: '',
  }));
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, ParsedValues>({ resolver: zodResolver(schema), defaultValues });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api['procedures.configure'](values);
      notifySuccess('Đã lưu thời hạn giải quyết', procedure.name);
      onSaved();
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const orphans = applyServerFieldErrors(error, setError, (path) =>
          ['deadline', 'deadlineUnit', 'effectiveFrom', 'reason'].includes(path),
        );
        if (orphans.length > 0 || Object.keys(error.fieldErrors).length === 0) {
          setFormError(orphans.join(' ') || error.message);
        }
      } else {
        setFormError(errorMessage(error));
      }
    }
  });

  const err = (path: string) => fieldError(errors, path);

  return (
    <Modal opened onClose={onClose} title="Cấu hình thời hạn giải quyết" size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {procedure.code ? `${procedure.code} · ` : ''}
            <b>{procedure.name}</b>
          </Text>
          {procedure.notes && (
            <Text size="xs" c="dimmed">
              {procedure.notes}
            </Text>
          )}
          {formError && <Alert color="red">{formError}</Alert>}
          <Group grow align="flex-start">
            <Controller
              control={control}
              name="deadline"
              render={({ field }) => (
                <NumberInput
                  ref={field.ref}
                  label="Thời hạn"
                  withAsterisk
                  min={1}
                  max={365}
                  allowDecimal={false}
                  allowNegative={false}
                  data-autofocus
                  value={Number.isNaN(field.value) ? '' : field.value}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                  onBlur={field.onBlur}
                  error={err('deadline')}
                />
              )}
            />
            <Controller
              control={control}
              name="deadlineUnit"
              render={({ field }) => (
                <Select
                  label="Đơn vị"
                  withAsterisk
                  data={unitOptions}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? 'wd')}
                  allowDeselect={false}
                  error={err('deadlineUnit')}
                />
              )}
            />
            <Controller
              control={control}
              name="effectiveFrom"
              render={({ field }) => (
                <DateInput
                  label="Áp dụng từ ngày"
                  withAsterisk
                  valueFormat="DD/MM/YYYY"
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                  error={err('effectiveFrom')}
                />
              )}
            />
          </Group>
          <TextInput
            label="Căn cứ thay đổi"
            description="Văn bản quy định thời hạn, ví dụ: Quyết định công bố TTHC số …/QĐ-UBND"
            withAsterisk
            {...register('reason')}
            error={err('reason')}
          />
          <FormActions onCancel={onClose} isSubmitting={isSubmitting}>
            Lưu thời hạn
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
