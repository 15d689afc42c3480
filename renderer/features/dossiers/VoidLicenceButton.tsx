import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { api, ApiError } from '../../api/client';
import { useAppContext } from '../../app/app-context';
import { notifyError, notifySuccess } from '../../components/notify';

interface Props {
  dossierId: number;
  number: string;
  onChanged(): void;
}

/**
 * Cancels an issued licence. The number stays in the register with the reason and is never reused; only
 * a director or an administrator may do it (the backend checks this too).
 */
export function VoidLicenceButton({ dossierId, number, onChanged }: Props) {
  const { user } = useAppContext();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!user.roles.some((r) => r === 'director' || r === 'admin')) return null;

  const submit = async () => {
    setIsBusy(true);
    setError(null);
    try {
      await api['licences.void']({ dossierId, reason });
      notifySuccess('Đã hủy giấy phép', `Số ${number} được giữ trong sổ với lý do hủy.`);
      setIsOpen(false);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setError(e.fieldErrors?.reason ?? e.message);
      else notifyError('Không hủy được giấy phép', String(e));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" ml={6} onClick={() => setIsOpen(true)}>
        Hủy giấy phép
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title={`Hủy giấy phép số ${number}`}>
        <Stack gap="sm">
          <Text size="sm">
            Số giấy phép vẫn được giữ trong sổ cấp giấy phép kèm lý do hủy và không bao giờ được cấp lại.
          </Text>
          <Textarea
            label="Lý do hủy giấy phép"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsOpen(false)}>
              Quay lại
            </Button>
            <Button color="red" loading={isBusy} onClick={() => void submit()}>
              Hủy giấy phép
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
