import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  type SegmentedControlProps,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import {
  PROPOSAL_LABELS,
  RETURN_METHOD_LABELS,
  proposals,
  returnMethods,
} from '../../../shared/domain/workflow/field-rules';
import type { ActionField } from '../../../shared/domain/workflow/workflow-actions';
import { ApiError, api, errorMessage, isApiError } from '../../api/client';
import { PRINTED_DOCUMENT_KIND } from '../../api/documents';
import { useApiQuery, type ApiQuery } from '../../api/use-api-query';
import type { MethodOutput } from '../../../shared/api/contract';
import { useOfficeOffset } from '../../app/app-context';
import { notifyError, notifySuccess } from '../../components/notify';
import { PrintButton } from '../../components/PrintButton';
import { handleFormKeyDown } from '../../lib/enter-navigation';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';
import { toOfficeWallClock } from '../../lib/format';
import {
  actionFieldLabel,
  actionSchema,
  fieldsOf,
  isFieldRequired,
  isFieldVisible,
  makeDefaultValues,
  toTransitionInput,
  type ActionFormValues,
  type AvailableAction,
  type WorkflowView,
} from './action-form';
import { FormActions } from '../../components/FormActions';

interface ActionModalProps {
  dossier: DossierDetail;
  view: WorkflowView;
  action: AvailableAction;
  /** The licence form on the page has unsaved changes: an action now would go ahead without them. */
  hasUnsavedLicenceFields: boolean;
  onClose(): void;
  /** The dossier changed (done, or someone else changed it first): reload the page's data. */
  onChanged(): void;
  /** Issuing refused for missing licence fields: `licenceFields.<key>` -> message. */
  onLicenceFieldErrors(errors: Record<string, string>): void;
}

/** The documents the action produces that the backend can print. */
function printableOf(action: AvailableAction) {
  return action.prints
    .map((printed) => PRINTED_DOCUMENT_KIND[printed])
    .filter((kind): kind is NonNullable<typeof kind> => kind !== null);
}

type Step = { kind: 'form' } | { kind: 'confirm'; message: string } | { kind: 'done' };

const appraisersInput = {};

/**
 * One workflow action: asks for exactly the fields the action's table row lists, sends it with the version
 * the user saw, and offers the document the action produces right after it succeeded.
 */
export function ActionModal(props: ActionModalProps) {
  const { dossier, view, action, onClose, onChanged, onLicenceFieldErrors } = props;
  const offset = useOfficeOffset();
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [formError, setFormError] = useState<string | null>(null);
  const [defaultValues] = useState(() => makeDefaultValues(dossier.returnMethod, offset));
  const schema = useMemo(() => actionSchema(action), [action]);
  const isSending = useRef(false);
  // The version the user saw when opening the dialog: the page behind it refreshes live, but an action decided
  // on the old state must not silently apply to the new one. After a CONFLICT the next send takes the fresh one.
  const seenVersion = useRef<number | null>(view.version);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = fieldsOf(action);

  const {
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ActionFormValues>({ resolver: zodResolver(schema), defaultValues });
  // Issuing: only the signers of the licence's own authority are offered (issue 12 §3), the suggested one
  // chosen until the văn thư picks another.
  const signers = useApiQuery(
    'licences.signers',
    fields.includes('signer') ? { dossierId: dossier.id } : null,
  );
  const suggestedSigner = signers.data?.suggested ?? null;
  useEffect(() => {
    if (suggestedSigner !== null && getValues('signer') === '') setValue('signer', suggestedSigner);
  }, [suggestedSigner, getValues, setValue]);
  const proposal = useWatch({ control, name: 'proposal' });

  async function send(values: ActionFormValues, acknowledge: boolean) {
    if (isSending.current) return;
    isSending.current = true;
    setFormError(null);
    const input = toTransitionInput(action, values, offset);
    try {
      await api['workflow.perform']({
        dossierId: dossier.id,
        version: seenVersion.current ?? view.version,
        action: action.action,
        input: acknowledge ? { ...input, acknowledgedWarnings: ['SUPPLEMENT_LIMIT'] } : input,
      });
      onChanged();
      if (printableOf(action).length > 0) {
        setStep({ kind: 'done' });
      } else {
        notifySuccess(`Đã thực hiện: ${action.label}`, `Hồ sơ ${dossier.code}`);
        onClose();
      }
    } catch (error) {
      setStep({ kind: 'form' });
      if (isApiError(error) && error.code === 'CONFLICT') {
        seenVersion.current = null;
        // The page reloads; the form keeps what was typed, and the next send carries the fresh version.
        notifyError('Hồ sơ vừa được người khác cập nhật', error.message);
        setFormError(
          'Hồ sơ vừa được người khác cập nhật và đã được tải lại. Kiểm tra trạng thái mới rồi thực hiện lại nếu vẫn cần.',
        );
        onChanged();
      } else if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const { acknowledgedWarnings: warning, ...rest } = error.fieldErrors;
        if (warning && !acknowledge) {
          setStep({ kind: 'confirm', message: warning });
          return;
        }
        const licenceErrors = Object.fromEntries(
          Object.entries(rest).filter(([path]) => path.startsWith('licenceFields.')),
        );
        if (Object.keys(licenceErrors).length > 0) onLicenceFieldErrors(licenceErrors);
        const orphans = applyServerFieldErrors(
          new ApiError(error.method, error.code, error.message, rest),
          setError,
          (path) => (fields as string[]).includes(path),
        );
        const hasFieldErrors = Object.keys(rest).length > orphans.length;
        if (orphans.length > 0 || !hasFieldErrors) setFormError(error.message);
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      isSending.current = false;
    }
  }

  const [lastValues, setLastValues] = useState<ActionFormValues | null>(null);
  const [isResending, setIsResending] = useState(false);

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{action.label}</Text>}
      size="lg"
      closeOnClickOutside={step.kind !== 'form'}
    >
      {step.kind === 'done' ? (
        <DonePane
          dossierId={dossier.id}
          view={view}
          action={action}
          onClose={onClose}
          onPrinted={onChanged}
        />
      ) : step.kind === 'confirm' ? (
        <Stack gap="sm" role="alertdialog" aria-label="Xác nhận cảnh báo">
          <Alert color="orange" title="Cần xác nhận trước khi tiếp tục">
            {step.message}
          </Alert>
          <Text size="sm">
            Bạn vẫn muốn {action.label.toLocaleLowerCase('vi')}? Cảnh báo được ghi vào nhật ký.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep({ kind: 'form' })}>
              Quay lại
            </Button>
            <Button
              color="orange"
              data-autofocus
              loading={isResending}
              onClick={() => {
                if (!lastValues) return;
                setIsResending(true);
                void send(lastValues, true).finally(() => setIsResending(false));
              }}
            >
              Vẫn tiếp tục
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          ref={formRef}
          noValidate
          aria-label={action.label}
          onSubmit={(event) =>
            void handleSubmit(async (values) => {
              setLastValues(values);
              await send(values, false);
            })(event)
          }
          onKeyDown={(event) => handleFormKeyDown(event, () => formRef.current?.requestSubmit())}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Hồ sơ <span className="dossier-code">{dossier.code}</span> — {dossier.applicant.name}
            </Text>
            {props.hasUnsavedLicenceFields && (
              <Alert color="yellow">
                Nội dung giấy phép đang sửa chưa được lưu. Hãy lưu trước nếu muốn thao tác này dùng nội dung
                mới.
              </Alert>
            )}
            {action.needsAcknowledgement.includes('SUPPLEMENT_LIMIT') && (
              <Alert color="orange">
                Hồ sơ đã được yêu cầu bổ sung đủ số lần cho phép; yêu cầu thêm lần nữa sẽ phải xác nhận và hồ
                sơ có thể bị tính là quá hạn.
              </Alert>
            )}
            {formError && (
              <Alert color="red" data-testid="action-error">
                {formError}
              </Alert>
            )}
            {fields
              .filter((field) => isFieldVisible(action, field, { proposal }))
              .map((field, index) => (
                <ActionFieldInput
                  key={field}
                  field={field}
                  action={action}
                  control={control}
                  errors={errors}
                  isRequired={isFieldRequired(action, field, { proposal })}
                  isFirst={index === 0}
                  dossier={dossier}
                  signers={signers}
                />
              ))}
            {fields.length === 0 && (
              <Text size="sm">Xác nhận {action.label.toLocaleLowerCase('vi')} cho hồ sơ này?</Text>
            )}
            <FormActions onCancel={onClose} isSubmitting={isSubmitting} autoFocusSubmit={fields.length === 0}>
              {action.buttonText}
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

interface ActionFieldInputProps {
  field: ActionField;
  action: AvailableAction;
  control: Control<ActionFormValues>;
  errors: FieldErrors<ActionFormValues>;
  isRequired: boolean;
  isFirst: boolean;
  dossier: DossierDetail;
  signers: ApiQuery<MethodOutput<'licences.signers'>>;
}

const CAPACITY_LABELS = {
  so: { head: 'Giám đốc', deputy: 'KT. Giám đốc' },
  ubnd: { head: 'TM. UBND – Chủ tịch', deputy: 'TM. UBND – KT. Chủ tịch' },
} as const;

function ActionFieldInput({
  field,
  action,
  control,
  errors,
  isRequired,
  isFirst,
  dossier,
  signers,
}: ActionFieldInputProps) {
  const offset = useOfficeOffset();
  const label = actionFieldLabel(action, field);
  const error = fieldError(errors, field);
  const common = {
    label,
    withAsterisk: isRequired,
    error,
    'data-autofocus': isFirst ? true : undefined,
  };
  const appraisers = useApiQuery('workflow.appraisers', field === 'assigneeId' ? appraisersInput : null);
  const nowWallClock = toOfficeWallClock(new Date(), offset);

  switch (field) {
    case 'assigneeId':
      return (
        <Controller
          control={control}
          name="assigneeId"
          render={({ field: f }) => (
            <Select
              {...common}
              ref={f.ref}
              placeholder={appraisers.isLoading ? 'Đang tải danh sách…' : 'Chọn chuyên viên'}
              data={(appraisers.data ?? []).map((u) => ({
                value: String(u.id),
                label: u.title ? `${u.fullName} — ${u.title}` : u.fullName,
              }))}
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              searchable
              nothingFoundMessage="Không có chuyên viên thẩm định đang hoạt động"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
      );
    case 'signer': {
      const offered = signers.data;
      return (
        <Controller
          control={control}
          name="signer"
          render={({ field: f }) => (
            <Select
              {...common}
              ref={f.ref}
              description={
                offered
                  ? `Người ký của ${offered.authorityName} (cơ quan cấp giấy phép của thủ tục này)`
                  : undefined
              }
              placeholder={signers.isLoading ? 'Đang tải danh sách…' : 'Chọn người ký'}
              data={(offered?.signers ?? []).map((s) => ({
                value: s.name,
                label: `${s.name} — ${s.title} (${CAPACITY_LABELS[offered?.issuer ?? 'so'][s.capacity]})`,
              }))}
              value={f.value === '' ? null : f.value}
              onChange={(value) => f.onChange(value ?? '')}
              onBlur={f.onBlur}
              allowDeselect={false}
              nothingFoundMessage="Chưa khai báo người ký của cơ quan này trong Cài đặt"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
      );
    }
    case 'missingComponents':
    case 'reasons':
      return (
        <Controller
          control={control}
          name={field}
          render={({ field: f }) => (
            <TagsInput
              {...common}
              ref={f.ref}
              description="Gõ từng mục rồi nhấn Enter; mỗi mục là một dòng trên phiếu."
              data={field === 'missingComponents' ? dossier.components.map((c) => c.name) : []}
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              splitChars={[]}
              maxTags={50}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
      );
    case 'proposal':
      return (
        <Controller
          control={control}
          name="proposal"
          render={({ field: f }) => (
            <SegmentedField
              label={label}
              withAsterisk={isRequired}
              error={error}
              value={f.value}
              onChange={(value) => f.onChange(value === 'refuse' ? 'refuse' : 'approve')}
              data={proposals.map((p) => ({ value: p, label: PROPOSAL_LABELS[p] }))}
              color={f.value === 'refuse' ? 'red' : 'indigo'}
            />
          )}
        />
      );
    case 'method':
      return (
        <Controller
          control={control}
          name="method"
          render={({ field: f }) => (
            <SegmentedField
              label={label}
              withAsterisk={isRequired}
              error={error}
              value={f.value}
              onChange={(value) => f.onChange(value === 'post' ? 'post' : 'desk')}
              data={returnMethods.map((m) => ({ value: m, label: RETURN_METHOD_LABELS[m] }))}
            />
          )}
        />
      );
    case 'collectedAt':
    case 'newAppointment':
      return (
        <Controller
          control={control}
          name={field}
          render={({ field: f }) => (
            <DateTimePicker
              {...common}
              ref={f.ref}
              value={f.value}
              onChange={(value) => f.onChange(value ? String(value) : null)}
              onBlur={f.onBlur}
              valueFormat="HH:mm, DD/MM/YYYY"
              placeholder="Chọn ngày giờ"
              {...(field === 'collectedAt'
                ? { maxDate: nowWallClock.slice(0, 10) }
                : { minDate: nowWallClock.slice(0, 10) })}
              timePickerProps={{ format: '24h', hoursInputLabel: 'Giờ', minutesInputLabel: 'Phút' }}
              submitButtonProps={{ 'aria-label': 'Chọn thời điểm này' }}
              popoverProps={{ withinPortal: true }}
              w={260}
            />
          )}
        />
      );
    case 'collectedBy':
      return (
        <Controller
          control={control}
          name="collectedBy"
          render={({ field: f }) => (
            <TextInput
              {...common}
              ref={f.ref}
              description="Họ tên người đến nhận, hoặc tên dịch vụ bưu chính và số vận đơn"
              value={f.value}
              onChange={(event) => f.onChange(event.currentTarget.value)}
              onBlur={f.onBlur}
              autoComplete="off"
            />
          )}
        />
      );
    default:
      return (
        <Controller
          control={control}
          name={field}
          render={({ field: f }) => (
            <Textarea
              {...common}
              ref={f.ref}
              autosize
              minRows={2}
              maxRows={8}
              value={f.value}
              onChange={(event) => f.onChange(event.currentTarget.value)}
              onBlur={f.onBlur}
            />
          )}
        />
      );
  }
}

interface SegmentedFieldProps extends Omit<SegmentedControlProps, 'aria-label'> {
  label: string;
  withAsterisk: boolean;
  error: string | undefined;
}

/** A SegmentedControl laid out as a form field: label, asterisk and error like the inputs around it. */
function SegmentedField({ label, withAsterisk, error, ...control }: SegmentedFieldProps) {
  return (
    <Input.Wrapper label={label} withAsterisk={withAsterisk} error={error}>
      <div>
        <SegmentedControl aria-label={label} {...control} />
      </div>
    </Input.Wrapper>
  );
}

interface DonePaneProps {
  dossierId: number;
  view: WorkflowView;
  action: AvailableAction;
  onClose(): void;
  onPrinted(): void;
}

/** After an action that produces a document: print it now, while the applicant is still at the desk. */
function DonePane({ dossierId, view, action, onClose, onPrinted }: DonePaneProps) {
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    firstRef.current?.focus();
  }, []);
  const licence = view.licence && !view.licence.isVoid ? view.licence : null;
  return (
    <Stack gap="sm" data-testid="action-done">
      <Alert color="green" title={`Đã thực hiện: ${action.label}`}>
        {action.action === 'issue' ? (
          licence ? (
            <>
              Số giấy phép: <b data-testid="issued-licence-number">{licence.number}</b>
            </>
          ) : (
            'Đã cấp số giấy phép.'
          )
        ) : (
          'Hãy in giấy tờ kèm theo để giao cho người nộp hồ sơ.'
        )}
      </Alert>
      <Group gap="xs">
        {printableOf(action).map((kind, index) => (
          <PrintButton
            key={kind}
            dossierId={dossierId}
            kind={kind}
            variant={index === 0 ? 'filled' : 'default'}
            buttonRef={index === 0 ? firstRef : undefined}
            onPrinted={onPrinted}
          />
        ))}
        <Button variant="subtle" color="gray" onClick={onClose}>
          Đóng
        </Button>
      </Group>
    </Stack>
  );
}
