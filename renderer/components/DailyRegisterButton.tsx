import { useState } from 'react';
import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { api, errorMessage, getBridge } from '../api/client';
import { openDocument } from '../api/open-document';
import { useOfficeOffset } from '../app/app-context';
import { parseViDate, toOfficeWallClock } from '../lib/format';
import { notifyError, notifySuccess } from './notify';

/**
 * "In bản kê ngày": the day's one-page register (received, resolved, licences issued, the audit chain head),
 * signed on paper by a supervisor and filed — the chain's witness outside the machine.
 */
export function DailyRegisterButton() {
  const offset = useOfficeOffset();
  const today = toOfficeWallClock(new Date(), offset).slice(0, 10);
  const [isOpen, setIsOpen] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function print() {
    setIsBusy(true);
    try {
      const doc = await api['documents.dailyRegister'](date && date !== today ? { date } : {});
      await openDocument(doc);
      if (!getBridge()) notifySuccess('Đã tải bản kê ngày', `Mở tệp ${doc.fileName} để in và ký.`);
      setIsOpen(false);
    } catch (error) {
      notifyError('Chưa tạo được bản kê ngày', errorMessage(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Popover opened={isOpen} onChange={setIsOpen} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" onClick={() => setIsOpen((o) => !o)}>
          In bản kê ngày
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <Text size="xs" c="dimmed">
            Bản kê hồ sơ tiếp nhận, giải quyết và giấy phép cấp trong ngày, kèm mã đầu chuỗi nhật ký, để người
            phụ trách ký và lưu.
          </Text>
          <DateInput
            label="Ngày"
            valueFormat="DD/MM/YYYY"
            dateParser={parseViDate}
            placeholder="dd/mm/yyyy"
            value={date ?? today}
            onChange={setDate}
            maxDate={today}
            size="xs"
          />
          <Group justify="flex-end">
            {/* Focus lands here, not on the date box (whose calendar would open over the button). */}
            <Button size="xs" onClick={() => void print()} loading={isBusy} data-autofocus>
              Tạo bản kê (PDF)
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
