import { useState } from 'react';
import { Alert, Stack, Title } from '@mantine/core';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { useHasRole } from '../../app/app-context';
import { IntakeForm } from './IntakeForm';
import { IntakeResult } from './IntakeResult';

export function IntakePage() {
  const [received, setReceived] = useState<DossierDetail | null>(null);
  // Remounting the form gives it fresh defaults and, above all, a fresh requestId.
  const [formKey, setFormKey] = useState(0);
  // dossiers.receive is for the desk (clerk) and administrators; the backend enforces it too.
  const canReceive = useHasRole('clerk', 'admin');

  if (!canReceive) {
    return (
      <Stack gap="sm">
        <Title order={3}>Tiếp nhận hồ sơ</Title>
        <Alert color="gray">
          Tài khoản của bạn không có vai trò tiếp nhận hồ sơ. Bạn vẫn xem được danh sách hồ sơ.
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Title order={3}>Tiếp nhận hồ sơ</Title>
      {received ? (
        <IntakeResult
          dossier={received}
          onNext={() => {
            setReceived(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <IntakeForm key={formKey} onReceived={setReceived} />
      )}
    </Stack>
  );
}
