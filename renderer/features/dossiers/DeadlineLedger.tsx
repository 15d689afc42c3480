import { createPortal } from 'react-dom';
import { Button, Group, Table, Text } from '@mantine/core';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { useAppContext } from '../../app/app-context';
import { headingOf } from '../../../shared/domain/authority-names';
import { formatAppointment, formatDate, formatDeadline, formatInstant, weekdayName } from '../../lib/format';

type LedgerLine = DossierDetail['ledger'][number];

const PRINT_CLASS = 'is-printing-ledger';

/** Row emphasis by ledger kind: days not counted recede, pauses and the due date stand out. */
function rowStyle(kind: string): { className?: string; fw?: number } {
  switch (kind) {
    case 'skipped':
      return { className: 'ledger-skipped' };
    case 'pause':
    case 'resume':
      return { className: 'ledger-pause' };
    case 'makeup-counted':
      return { className: 'ledger-makeup' };
    case 'due':
      return { className: 'ledger-due', fw: 600 };
    default:
      return {};
  }
}

function LedgerTable({ ledger, testId }: { ledger: LedgerLine[]; testId?: string }) {
  return (
    <Table fz="sm" verticalSpacing={2} data-testid={testId} className="ledger-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>Ngày</Table.Th>
          <Table.Th>Diễn giải</Table.Th>
          <Table.Th w={84} ta="right" style={{ whiteSpace: 'nowrap' }}>
            Ngày thứ
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ledger.map((entry, index) => {
          const style = rowStyle(entry.kind);
          return (
            <Table.Tr
              key={`${entry.date}-${entry.kind}-${index}`}
              className={style.className}
              data-kind={entry.kind}
            >
              <Table.Td>
                {weekdayName(entry.date)}, {formatDate(entry.date)}
              </Table.Td>
              <Table.Td fw={style.fw}>
                {entry.label}
                {entry.note && (
                  <Text span size="xs" c="dimmed" display="block">
                    {entry.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{entry.dayNumber ?? ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Summary({ dossier }: { dossier: DossierDetail }) {
  const offset = useAppContext().settings.office.utcOffsetMinutes;
  return (
    <Group gap="lg" wrap="wrap">
      <Text size="sm">
        <Text span c="dimmed">
          Nhận hồ sơ:{' '}
        </Text>
        {formatInstant(dossier.receivedAt, offset)}
      </Text>
      <Text size="sm">
        <Text span c="dimmed">
          Thời hạn:{' '}
        </Text>
        {formatDeadline(dossier.deadline)}
      </Text>
      <Text size="sm">
        <Text span c="dimmed">
          Tính từ:{' '}
        </Text>
        {formatDate(dossier.countFrom)}
      </Text>
      <Text size="sm" fw={600}>
        <Text span c="dimmed" fw={400}>
          Hạn trả:{' '}
        </Text>
        {dossier.dueDate ? formatAppointment(dossier.dueDate, dossier.dueAt, offset) : 'chưa xác định'}
      </Text>
    </Group>
  );
}

/**
 * Thời hạn: the explained deadline (issue 3 §7) — receipt, start of counting, every day skipped with its
 * reason, make-up Saturdays counted, pauses, the due date. Printable on one A4 page from the browser's or
 * Electron's print dialog, through a print-only copy outside the app shell.
 */
export function DeadlineLedger({ dossier }: { dossier: DossierDetail }) {
  const { settings } = useAppContext();

  function print() {
    document.body.classList.add(PRINT_CLASS);
    const done = () => {
      document.body.classList.remove(PRINT_CLASS);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  if (dossier.ledger.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Chưa có mốc thời hạn.
      </Text>
    );
  }
  return (
    <>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Summary dossier={dossier} />
        <Button variant="default" size="xs" onClick={print} style={{ flexShrink: 0 }}>
          In bảng tính thời hạn
        </Button>
      </Group>
      <LedgerTable ledger={dossier.ledger} testId="deadline-ledger" />
      {createPortal(
        <div className="print-root" aria-hidden>
          <Text size="xs">{headingOf(settings.agency.name)}</Text>
          <Text fw={700} size="lg" mt="sm">
            BẢNG TÍNH THỜI HẠN GIẢI QUYẾT HỒ SƠ
          </Text>
          <Text size="sm">
            Mã hồ sơ: <b>{dossier.code}</b> · {dossier.applicant.name}
          </Text>
          <Text size="sm" mb="sm">
            Thủ tục: {dossier.procedureCode ? `${dossier.procedureCode} · ` : ''}
            {dossier.procedureName}
          </Text>
          <Summary dossier={dossier} />
          <LedgerTable ledger={dossier.ledger} />
          <Text size="xs" mt="sm">
            Căn cứ: thời hạn tính từ ngày tiếp theo ngày nhận hồ sơ (BLDS 2015 Điều 147 k2); ngày nghỉ theo
            lịch làm việc của cơ quan.
          </Text>
        </div>,
        document.body,
      )}
    </>
  );
}
