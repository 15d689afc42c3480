import { useState } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type UseFormRegister,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Input,
  ActionIcon,
  Tooltip,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { contract, type ParsedInput } from '../../../shared/api/contract';
import type { Settings, SettingsInput } from '../../../shared/api/schemas/settings';
import { api, errorMessage, isApiError } from '../../api/client';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';
import { formatUtcOffset } from '../../lib/format';
import { notifyError, notifySuccess } from '../../components/notify';

const schema = contract['settings.update'].input;

type FormValues = SettingsInput;
type ParsedValues = ParsedInput<'settings.update'>;

/** Hints go under the box, so boxes in one grid row stay aligned whether or not they have a hint. */
const belowInput: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

const sessionNames = ['Buổi sáng', 'Buổi chiều', 'Buổi tối'] as const;

/**
 * Form state never holds null in a text box: '' is "empty" and the schema turns it back into null. Sections
 * this form does not show (workflow, licensing, …) ride along unchanged, so saving never resets them.
 */
function toFormValues(settings: Settings): FormValues {
  const {
    isConfigured: _isConfigured,
    needsReview: _needsReview,
    agency,
    office,
    authorities,
    receiverName,
    ...otherSections
  } = settings;
  const { so, ubnd } = authorities;
  return {
    ...otherSections,
    agency: {
      ...agency,
      address: agency.address ?? '',
      phone: agency.phone ?? '',
      email: agency.email ?? '',
    },
    office: { ...office, sessions: office.sessions.map((s) => ({ ...s })) },
    authorities: {
      // First run: offer one row for the Sở, since every printed document needs someone to sign it. The UBND
      // tỉnh signs only the licences it issues; its signers are added when the office issues those.
      so: {
        signers:
          so.signers.length > 0
            ? so.signers.map((s) => ({ ...s }))
            : [{ name: '', title: 'Giám đốc', capacity: 'head' }],
      },
      ubnd: { name: ubnd.name, signers: ubnd.signers.map((s) => ({ ...s })) },
    },
    receiverName: receiverName ?? '',
  };
}

/** What each authority's signers are called, and how they sign (NĐ 30/2020 Điều 13). */
const AUTHORITY_SIGNING = {
  so: {
    legend: 'Người ký của Sở',
    labelSuffix: '',
    head: 'Giám đốc',
    deputy: 'Phó Giám đốc (KT.)',
    placeholder: 'Giám đốc / Phó Giám đốc',
    newTitle: 'Phó Giám đốc',
    hint: 'Ký giấy phép của Sở, phiếu từ chối, phiếu xin lỗi và báo cáo.',
  },
  ubnd: {
    legend: 'Người ký của Ủy ban nhân dân tỉnh',
    labelSuffix: ' UBND',
    head: 'Chủ tịch (TM. UBND)',
    deputy: 'Phó Chủ tịch (TM. UBND, KT. Chủ tịch)',
    placeholder: 'Chủ tịch / Phó Chủ tịch',
    newTitle: 'Phó Chủ tịch',
    hint: 'Ký giấy phép thuộc thẩm quyền của Ủy ban nhân dân tỉnh (ví dụ giấy phép xuất bản tài liệu không kinh doanh, NĐ 138/2025); cần khai báo trước khi cấp số các giấy phép đó.',
  },
} as const;

/** Field paths of settings converted on reading, in the words of the form. */
const REVIEW_LABELS: Record<string, string> = {
  'agency.governingBody': 'Cơ quan chủ quản',
  'agency.name': 'Tên cơ quan',
  'authorities.ubnd.name': 'Tên Ủy ban nhân dân tỉnh',
};

function toClock(value: string): string {
  // TimePicker reports HH:mm:ss (or '' when cleared); the contract stores HH:mm.
  return value.slice(0, 5);
}

interface SettingsFormProps {
  settings: Settings;
  submitLabel: string;
  onSaved(settings: Settings): void;
  isReadOnly?: boolean;
}

export function SettingsForm({ settings, submitLabel, onSaved, isReadOnly = false }: SettingsFormProps) {
  const [orphanErrors, setOrphanErrors] = useState<string[]>([]);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
    reset,
  } = useForm<FormValues, unknown, ParsedValues>({
    resolver: zodResolver(schema),
    defaultValues: toFormValues(settings),
  });
  const sessions = useFieldArray({ control, name: 'office.sessions' });
  const utcOffsetMinutes = useWatch({ control, name: 'office.utcOffsetMinutes' });

  const onSubmit = handleSubmit(async (values) => {
    setOrphanErrors([]);
    try {
      const saved = await api['settings.update'](values);
      reset(toFormValues(saved));
      notifySuccess('Đã lưu cài đặt', 'Các giấy tờ in từ nay dùng thông tin mới.');
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        setOrphanErrors(applyServerFieldErrors(error, setError, isSettingsField));
      } else {
        notifyError('Chưa lưu được cài đặt', errorMessage(error));
      }
    }
  });

  const err = (path: string) => fieldError(errors, path);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Cài đặt cơ quan">
      {/* A disabled fieldset disables every control inside it: the read-only view for non-administrators. */}
      <fieldset disabled={isReadOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          {settings.needsReview.length > 0 && (
            <Alert color="yellow" title="Cần kiểm tra lại" data-testid="settings-review">
              Cài đặt được lưu bởi phiên bản trước đã được chuyển sang cách ghi mới: tên cơ quan viết như
              trong câu (tiêu đề văn bản tự in hoa) và người ký theo từng cơ quan. Hãy kiểm tra các mục sau
              rồi lưu lại: {settings.needsReview.map((path) => REVIEW_LABELS[path] ?? path).join('; ')}.
            </Alert>
          )}
          {orphanErrors.length > 0 && (
            <Alert color="red" title="Chưa lưu được cài đặt">
              {orphanErrors.map((message) => (
                <div key={message}>{message}</div>
              ))}
            </Alert>
          )}

          <Fieldset legend="Cơ quan giải quyết thủ tục">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
              <TextInput
                inputWrapperOrder={belowInput}
                label="Cơ quan chủ quản"
                description="Viết như trong câu; tiêu đề văn bản tự in hoa"
                placeholder="UBND tỉnh Bắc Ninh"
                withAsterisk
                {...register('agency.governingBody')}
                error={err('agency.governingBody')}
              />
              <TextInput
                inputWrapperOrder={belowInput}
                label="Tên cơ quan"
                description="Viết như trong câu, ví dụ “Sở Văn hóa, Thể thao và Du lịch”"
                placeholder="Sở Văn hóa, Thể thao và Du lịch"
                withAsterisk
                {...register('agency.name')}
                error={err('agency.name')}
              />
              <TextInput
                inputWrapperOrder={belowInput}
                label="Ký hiệu viết tắt"
                description="Dùng trong số, ký hiệu văn bản"
                placeholder="SVHTTDL"
                withAsterisk
                {...register('agency.shortSymbol')}
                error={err('agency.shortSymbol')}
              />
              <TextInput
                inputWrapperOrder={belowInput}
                label="Địa danh"
                description="Ghi trên văn bản: “Bắc Ninh, ngày … tháng … năm …”"
                placeholder="Bắc Ninh"
                withAsterisk
                {...register('agency.placeName')}
                error={err('agency.placeName')}
              />
              <TextInput
                inputWrapperOrder={belowInput}
                label="Mã định danh cơ quan"
                description="Đứng đầu mã hồ sơ, ví dụ 000.00.14.H20"
                placeholder="000.00.14.H20"
                withAsterisk
                {...register('agency.agencyCode')}
                error={err('agency.agencyCode')}
              />
              <TextInput
                inputWrapperOrder={belowInput}
                label="Tên bộ phận tiếp nhận"
                description="In trên giấy tiếp nhận hồ sơ"
                placeholder="Bộ phận Một cửa"
                withAsterisk
                {...register('agency.deskName')}
                error={err('agency.deskName')}
              />
              <TextInput
                label="Địa chỉ cơ quan"
                {...register('agency.address')}
                error={err('agency.address')}
              />
              <TextInput
                label="Điện thoại cơ quan"
                type="tel"
                {...register('agency.phone')}
                error={err('agency.phone')}
              />
              <TextInput
                label="Email cơ quan"
                type="email"
                {...register('agency.email')}
                error={err('agency.email')}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Giờ làm việc và thời hạn">
            <Stack gap="sm">
              <Group align="flex-start" gap="lg" wrap="wrap">
                {sessions.fields.map((field, index) => (
                  <Group key={field.id} gap="xs" align="flex-end" wrap="nowrap">
                    <Controller
                      control={control}
                      name={`office.sessions.${index}.start`}
                      render={({ field: f }) => (
                        <TimePicker
                          label={`${sessionNames[index] ?? `Buổi ${index + 1}`}: từ`}
                          format="24h"
                          hoursInputLabel="Giờ"
                          minutesInputLabel="Phút"
                          value={f.value}
                          onChange={(value) => f.onChange(toClock(value))}
                          error={err(`office.sessions.${index}.start`)}
                          w={110}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name={`office.sessions.${index}.end`}
                      render={({ field: f }) => (
                        <TimePicker
                          label="đến"
                          format="24h"
                          hoursInputLabel="Giờ"
                          minutesInputLabel="Phút"
                          value={f.value}
                          onChange={(value) => f.onChange(toClock(value))}
                          error={err(`office.sessions.${index}.end`)}
                          w={110}
                        />
                      )}
                    />
                    {sessions.fields.length > 1 && (
                      <Tooltip label="Bỏ buổi làm việc này">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Bỏ ${sessionNames[index] ?? `buổi ${index + 1}`}`}
                          onClick={() => sessions.remove(index)}
                          mb={4}
                        >
                          ×
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                ))}
                {sessions.fields.length < 3 && (
                  <Button
                    variant="subtle"
                    mt={24}
                    onClick={() => sessions.append({ start: '18:00', end: '20:00' })}
                  >
                    + Thêm buổi
                  </Button>
                )}
              </Group>
              {err('office.sessions') && (
                <Text c="red" size="xs">
                  {err('office.sessions')}
                </Text>
              )}

              <Controller
                control={control}
                name="office.cutoff"
                render={({ field }) => (
                  <Group align="flex-end" gap="md">
                    <Switch
                      label="Áp dụng giờ chốt tiếp nhận"
                      description="Hồ sơ nhận sau giờ chốt được tính từ ngày làm việc tiếp theo (NĐ 61/2018, Điều 17)"
                      checked={field.value !== null}
                      onChange={(event) => field.onChange(event.currentTarget.checked ? '15:00' : null)}
                      maw={560}
                    />
                    {field.value !== null && (
                      <TimePicker
                        label="Giờ chốt"
                        format="24h"
                        hoursInputLabel="Giờ"
                        minutesInputLabel="Phút"
                        value={field.value ?? ''}
                        onChange={(value) => field.onChange(toClock(value))}
                        error={err('office.cutoff')}
                        w={110}
                      />
                    )}
                  </Group>
                )}
              />

              <Group align="flex-start" gap="lg">
                <Controller
                  control={control}
                  name="office.dueSoonWorkingDays"
                  render={({ field }) => (
                    <NumberInput
                      label="Báo sắp đến hạn trước (ngày làm việc)"
                      min={0}
                      max={10}
                      allowDecimal={false}
                      allowNegative={false}
                      value={field.value}
                      onChange={(value) =>
                        field.onChange(typeof value === 'number' ? value : Number(value) || 0)
                      }
                      onBlur={field.onBlur}
                      error={err('office.dueSoonWorkingDays')}
                      w={260}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="office.classificationGranularity"
                  render={({ field }) => (
                    <Input.Wrapper
                      label="Xếp loại đúng hạn theo"
                      error={err('office.classificationGranularity')}
                    >
                      <div>
                        <SegmentedControl
                          aria-label="Xếp loại đúng hạn theo"
                          value={field.value}
                          onChange={field.onChange}
                          data={[
                            { value: 'date', label: 'Ngày hẹn trả' },
                            { value: 'datetime', label: 'Ngày và giờ hẹn trả' },
                          ]}
                        />
                      </div>
                    </Input.Wrapper>
                  )}
                />
                <Input.Wrapper label="Múi giờ của cơ quan">
                  <Text size="sm" mt={6}>
                    UTC{formatUtcOffset(utcOffsetMinutes)} (giờ Việt Nam)
                  </Text>
                </Input.Wrapper>
              </Group>
            </Stack>
          </Fieldset>

          <SignerList authority="so" control={control} register={register} err={err} />
          <SignerList authority="ubnd" control={control} register={register} err={err} />

          <Fieldset legend="Tiếp nhận hồ sơ">
            <TextInput
              inputWrapperOrder={belowInput}
              label="Người tiếp nhận mặc định"
              description="Tên in ở mục “Người tiếp nhận hồ sơ” trên giấy tiếp nhận"
              {...register('receiverName')}
              error={err('receiverName')}
              maw={420}
            />
          </Fieldset>

          <Group justify="flex-end">
            {isDirty && (
              <Text size="sm" c="dimmed">
                Có thay đổi chưa lưu
              </Text>
            )}
            <Button type="submit" loading={isSubmitting} disabled={isSubmitting || isReadOnly}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

interface SignerListProps {
  authority: 'so' | 'ubnd';
  control: Control<FormValues, unknown, ParsedValues>;
  register: UseFormRegister<FormValues>;
  err(path: string): string | undefined;
}

/** The signers of one issuing authority (issue 12 §3); the UBND's list comes with the UBND's own name. */
function SignerList({ authority, control, register, err }: SignerListProps) {
  const words = AUTHORITY_SIGNING[authority];
  const signers = useFieldArray({ control, name: `authorities.${authority}.signers` });
  const base = `authorities.${authority}.signers` as const;
  return (
    <Fieldset legend={words.legend} data-testid={`signers-${authority}`}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {words.hint}
        </Text>
        {authority === 'ubnd' && (
          <TextInput
            inputWrapperOrder={belowInput}
            label="Tên Ủy ban nhân dân tỉnh"
            description="Viết như trong câu; tiêu đề “ỦY BAN NHÂN DÂN TỈNH …” tự in hoa"
            placeholder="Ủy ban nhân dân tỉnh Bắc Ninh"
            withAsterisk
            {...register('authorities.ubnd.name')}
            error={err('authorities.ubnd.name')}
            maw={480}
          />
        )}
        {signers.fields.map((field, index) => (
          <Group
            key={field.id}
            align="flex-start"
            gap="sm"
            wrap="nowrap"
            data-testid={authority === 'so' ? 'signer-row' : 'signer-row-ubnd'}
          >
            <TextInput
              label={`Họ tên người ký${words.labelSuffix} ${index + 1}`}
              withAsterisk
              {...register(`${base}.${index}.name`)}
              error={err(`${base}.${index}.name`)}
              style={{ flex: 2 }}
            />
            <TextInput
              label={`Chức vụ người ký${words.labelSuffix} ${index + 1}`}
              placeholder={words.placeholder}
              withAsterisk
              {...register(`${base}.${index}.title`)}
              error={err(`${base}.${index}.title`)}
              style={{ flex: 2 }}
            />
            <Controller
              control={control}
              name={`${base}.${index}.capacity`}
              render={({ field: f }) => (
                <Input.Wrapper label="Thẩm quyền ký" error={err(`${base}.${index}.capacity`)}>
                  <div>
                    <SegmentedControl
                      aria-label={`Thẩm quyền ký của người ký${words.labelSuffix} ${index + 1}`}
                      value={f.value}
                      onChange={f.onChange}
                      data={[
                        { value: 'head', label: words.head },
                        { value: 'deputy', label: words.deputy },
                      ]}
                    />
                  </div>
                </Input.Wrapper>
              )}
            />
            <Button
              variant="subtle"
              color="red"
              mt={24}
              onClick={() => signers.remove(index)}
              aria-label={`Xóa người ký${words.labelSuffix} ${index + 1}`}
            >
              Xóa
            </Button>
          </Group>
        ))}
        {signers.fields.length < 10 && (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                signers.append({
                  name: '',
                  title: signers.fields.length === 0 && authority === 'ubnd' ? 'Chủ tịch' : words.newTitle,
                  capacity: signers.fields.length === 0 && authority === 'ubnd' ? 'head' : 'deputy',
                })
              }
            >
              {authority === 'so' ? '+ Thêm người ký' : '+ Thêm người ký của UBND tỉnh'}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

function isSettingsField(path: string): boolean {
  return /^(agency\.\w+|office\.(sessions\.\d+\.(start|end)|cutoff|dueSoonWorkingDays|classificationGranularity)|authorities\.(so|ubnd)\.signers\.\d+\.(name|title|capacity)|authorities\.ubnd\.name|receiverName)$/.test(
    path,
  );
}
