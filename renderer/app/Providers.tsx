import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/vi';
import { theme } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Vietnamese calendars start on Monday; Saturday and Sunday are the ordinary days off. */}
      <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="bottom-right" limit={4} />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}
