import { useEffect, useState } from 'react';
import { Anchor, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { toOfficeWallClock, wallClockToIso } from '../../lib/format';

interface ReceivedAtFieldProps {
  /** ISO instant with the office offset, or null = "the moment Tiếp nhận is pressed". */
  value: string | null | undefined;
  onChange(value: string | null): void;
  utcOffsetMinutes: number;
  error: string | undefined;
}

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * Receipt time. Left alone it follows the clock (a form opened at 8:00 and used at 14:00 must not back-date
 * the dossier), and null is sent so the backend stamps the exact moment. A clerk entering a dossier received
 * earlier (e.g. by post yesterday) picks a time; the future is not selectable.
 */
export function ReceivedAtField({ value, onChange, utcOffsetMinutes, error }: ReceivedAtFieldProps) {
  const now = useMinuteClock();
  const nowWallClock = toOfficeWallClock(now, utcOffsetMinutes);
  const isFollowingClock = value == null;
  const shown = isFollowingClock ? nowWallClock : toOfficeWallClock(value, utcOffsetMinutes);

  return (
    <DateTimePicker
      label="Thời điểm nhận hồ sơ"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      w={210}
      value={shown}
      onChange={(next) => onChange(next ? wallClockToIso(String(next), utcOffsetMinutes) : null)}
      valueFormat="HH:mm, DD/MM/YYYY"
      maxDate={nowWallClock.slice(0, 10)}
      timePickerProps={{ format: '24h', hoursInputLabel: 'Giờ', minutesInputLabel: 'Phút' }}
      submitButtonProps={{ 'aria-label': 'Chọn thời điểm này' }}
      popoverProps={{ withinPortal: true }}
      error={error}
      description={
        isFollowingClock ? (
          <Text span size="xs" c="dimmed">
            Theo giờ hiện tại
          </Text>
        ) : (
          <Anchor component="button" type="button" size="xs" onClick={() => onChange(null)}>
            Dùng giờ hiện tại
          </Anchor>
        )
      }
    />
  );
}
