import { useRef, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Grid,
  Group,
  Input,
  Kbd,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { contract, type ParsedInput } from '../../../shared/api/contract';
import type { DossierDetail, ReceiveInput } from '../../../shared/api/schemas/dossiers';
import type { ProcedureView } from '../../../shared/api/schemas/procedures';
import {
  applicantKindLabels,
  applicantKinds,
  channelLabels,
  channels,
} from '../../../shared/domain/dossier-status';
import { api, errorMessage, isApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppContext } from '../../app/app-context';
import { notifyError } from '../../components/notify';
import { handleFormKeyDown } from '../../lib/enter-navigation';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';
import { formatDeadline } from '../../lib/format';
import { newRequestId } from '../../lib/request-id';
import { ComponentChecklist } from './ComponentChecklist';
import { DueDatePreview } from './DueDatePreview';
import { ProcedureSelect } from './ProcedureSelect';
import { ReceivedAtField } from './ReceivedAtField';

const schema = contract['dossiers.receive'].input;
type ParsedValues = ParsedInput<'dossiers.receive'>;

const listAll = { includeUnconfigured: true };

/** Clock skew between this window and the backend is tolerated up to a minute; the backend has the last word. */
const FUTURE_TOLERANCE_MS = 60_000;

function makeDefaultValues(): ReceiveInput {
  return {
    // One id per opened form: a double-click or a retry after a timeout cannot create a second dossier.
    requestId: newRequestId(),
    procedureId: '',
    applicant: { kind: 'organization', name: '', idNumber: '', address: '', phone: '', email: '' },
    components: [],
    setCount: 1,
    channel: 'direct',
    receivedAt: null,
    returnMethod: 'desk',
    notes: '',
  };
}

function componentsFor(procedure: ProcedureView | undefined): ReceiveInput['components'] {
  return (procedure?.components ?? []).map((c) => ({
    name: c.name,
    copies: c.copies,
    isProvided: false,
    isOriginal: c.original,
  }));
}

function isInFuture(iso: string): boolean {
  return Date.parse(iso) > Date.now() + FUTURE_TOLERANCE_MS;
}

function toCount(value: number | string): number {
  return typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
}

const FIELD_PATH =
  /^(procedureId|applicant\.(kind|name|idNumber|address|phone|email)|components\.\d+\.(isProvided|copies|isOriginal|name)|setCount|channel|receivedAt|returnMethod|notes)$/;

interface IntakeFormProps {
  onReceived(dossier: DossierDetail): void;
}

export function IntakeForm({ onReceived }: IntakeFormProps) {
  const { settings } = useAppContext();
  const offset = settings.office.utcOffsetMinutes;
  const procedures = useApiQuery('procedures.list', listAll);
  const [defaultValues] = useState(makeDefaultValues);
  const [orphanErrors, setOrphanErrors] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // A ref, not state: two submits in the same frame (double-click, Ctrl+Enter + click) both see it at once.
  const isSendingRef = useRef(false);

  const {
    control,
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ReceiveInput, unknown, ParsedValues>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const componentFields = useFieldArray({ control, name: 'components' });
  const procedureId = useWatch({ control, name: 'procedureId' });
  const receivedAt = useWatch({ control, name: 'receivedAt' });
  const procedure = procedures.data?.find((p) => p.id === procedureId);

  const onValid = async (values: ParsedValues) => {
    if (isSendingRef.current) return;
    setOrphanErrors([]);
    // Rules the schema cannot know: required components depend on the chosen procedure.
    let hasRuleError = false;
    procedure?.components.forEach((entry, index) => {
      if (entry.required && values.components[index]?.isProvided !== true) {
        setError(
          `components.${index}.isProvided`,
          { type: 'required', message: 'Thành phần bắt buộc: phải có trong hồ sơ mới được tiếp nhận.' },
          { shouldFocus: !hasRuleError },
        );
        hasRuleError = true;
      }
    });
    if (values.receivedAt && isInFuture(values.receivedAt)) {
      setError('receivedAt', { type: 'future', message: 'Thời điểm nhận hồ sơ không được ở tương lai.' });
      hasRuleError = true;
    }
    if (hasRuleError) return;

    isSendingRef.current = true;
    try {
      const dossier = await api['dossiers.receive'](values);
      onReceived(dossier);
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const orphans = applyServerFieldErrors(error, setError, (path) => FIELD_PATH.test(path));
        setOrphanErrors(Object.keys(error.fieldErrors).length === 0 ? [error.message] : orphans);
      } else {
        notifyError('Chưa tiếp nhận được hồ sơ', errorMessage(error));
      }
    } finally {
      isSendingRef.current = false;
    }
  };

  const submit = () => formRef.current?.requestSubmit();
  const err = (path: string) => fieldError(errors, path);

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      onKeyDown={(event) => handleFormKeyDown(event, submit)}
      noValidate
      aria-label="Tiếp nhận hồ sơ"
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            {orphanErrors.length > 0 && (
              <Alert color="red" title="Chưa tiếp nhận được hồ sơ">
                {orphanErrors.map((message) => (
                  <div key={message}>{message}</div>
                ))}
              </Alert>
            )}
            {procedures.error != null && (
              <Alert color="red" title="Không tải được danh mục thủ tục">
                {errorMessage(procedures.error)}
              </Alert>
            )}

            <Paper withBorder p="sm">
              <Controller
                control={control}
                name="procedureId"
                render={({ field }) => (
                  <ProcedureSelect
                    procedures={procedures.data ?? []}
                    isLoading={procedures.isLoading}
                    value={field.value}
                    inputRef={field.ref}
                    onBlur={field.onBlur}
                    onChange={(id) => {
                      field.onChange(id);
                      componentFields.replace(componentsFor(procedures.data?.find((p) => p.id === id)));
                    }}
                    onPicked={() => setFocus('applicant.name')}
                    error={err('procedureId')}
                  />
                )}
              />
              {procedure && (
                <Text size="xs" c="dimmed" mt={6}>
                  Thời hạn giải quyết:{' '}
                  {procedure.deadline && procedure.deadlineUnit
                    ? formatDeadline({ amount: procedure.deadline, unit: procedure.deadlineUnit })
                    : 'chưa cấu hình'}
                  {procedure.resultDocument ? ` · Kết quả: ${procedure.resultDocument}` : ''}
                </Text>
              )}
            </Paper>

            <Paper withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Title order={5}>Người nộp hồ sơ</Title>
                <Controller
                  control={control}
                  name="applicant.kind"
                  render={({ field }) => (
                    <SegmentedControl
                      size="xs"
                      aria-label="Loại người nộp"
                      value={field.value}
                      onChange={field.onChange}
                      data={applicantKinds.map((kind) => ({ value: kind, label: applicantKindLabels[kind] }))}
                    />
                  )}
                />
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
                <TextInput
                  label="Tên tổ chức, cá nhân"
                  withAsterisk
                  autoComplete="off"
                  {...register('applicant.name')}
                  error={err('applicant.name')}
                />
                <TextInput
                  label="Số CCCD / mã số doanh nghiệp"
                  autoComplete="off"
                  {...register('applicant.idNumber')}
                  error={err('applicant.idNumber')}
                />
                <TextInput
                  label="Địa chỉ"
                  autoComplete="off"
                  {...register('applicant.address')}
                  error={err('applicant.address')}
                />
                <SimpleGrid cols={2} spacing="sm">
                  <TextInput
                    label="Số điện thoại"
                    type="tel"
                    autoComplete="off"
                    {...register('applicant.phone')}
                    error={err('applicant.phone')}
                  />
                  <TextInput
                    label="Email"
                    type="email"
                    autoComplete="off"
                    {...register('applicant.email')}
                    error={err('applicant.email')}
                  />
                </SimpleGrid>
              </SimpleGrid>
            </Paper>

            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                Thành phần hồ sơ
              </Title>
              {procedure ? (
                <ComponentChecklist
                  control={control}
                  errors={errors}
                  catalogue={procedure.components}
                  rowKeys={componentFields.fields.map((f) => f.id)}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  Chọn thủ tục để hiện danh mục thành phần hồ sơ.
                </Text>
              )}
            </Paper>

            <Paper withBorder p="sm">
              <Group gap="md" align="flex-start" wrap="wrap">
                <Controller
                  control={control}
                  name="setCount"
                  render={({ field }) => (
                    <NumberInput
                      ref={field.ref}
                      label="Số bộ hồ sơ"
                      w={110}
                      min={1}
                      max={20}
                      allowDecimal={false}
                      allowNegative={false}
                      value={Number.isNaN(field.value) ? '' : field.value}
                      onChange={(value) => field.onChange(toCount(value))}
                      onBlur={field.onBlur}
                      error={err('setCount')}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="channel"
                  render={({ field }) => (
                    <Input.Wrapper label="Hình thức nộp" error={err('channel')}>
                      <div>
                        <SegmentedControl
                          aria-label="Hình thức nộp"
                          value={field.value}
                          onChange={field.onChange}
                          data={channels.map((channel) => ({
                            value: channel,
                            label: channelLabels[channel],
                          }))}
                        />
                      </div>
                    </Input.Wrapper>
                  )}
                />
                <Controller
                  control={control}
                  name="returnMethod"
                  render={({ field }) => (
                    <Input.Wrapper label="Nơi nhận kết quả" error={err('returnMethod')}>
                      <div>
                        <SegmentedControl
                          aria-label="Nơi nhận kết quả"
                          value={field.value}
                          onChange={field.onChange}
                          data={[
                            { value: 'desk', label: 'Tại bộ phận một cửa' },
                            { value: 'post', label: 'Gửi qua bưu điện' },
                          ]}
                        />
                      </div>
                    </Input.Wrapper>
                  )}
                />
              </Group>
              <Group gap="md" align="flex-start" wrap="nowrap" mt="xs">
                <Controller
                  control={control}
                  name="receivedAt"
                  render={({ field }) => (
                    <ReceivedAtField
                      value={field.value}
                      onChange={field.onChange}
                      utcOffsetMinutes={offset}
                      error={err('receivedAt')}
                    />
                  )}
                />
                <Textarea
                  label="Ghi chú"
                  autosize
                  minRows={1}
                  maxRows={4}
                  {...register('notes')}
                  error={err('notes')}
                  style={{ flex: 1 }}
                />
              </Group>
            </Paper>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm" style={{ position: 'sticky', top: 68 }}>
            <DueDatePreview procedureId={procedureId} receivedAt={receivedAt ?? null} />
            <Button type="submit" size="md" fullWidth loading={isSubmitting} disabled={isSubmitting}>
              Tiếp nhận hồ sơ
            </Button>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Enter</Kbd> sang ô tiếp theo · <Kbd size="xs">Space</Kbd> đánh dấu thành phần ·{' '}
              <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> tiếp nhận
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
