import { useEffect, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { toOfficeWallClock } from '../../lib/format';

export interface PeriodErrorView {
  fieldErrors: { from?: string; to?: string };
  /** Every message, field messages first ("Ngày kết thúc … phải sau …"), without repeats. */
  messages: string[];
}

/** The backend's Vietnamese refusal of a period, split into what goes beside the date boxes and above. */
export function periodErrorView(error: unknown): PeriodErrorView | null {
  if (error == null) return null;
  if (!isApiError(error)) return { fieldErrors: {}, messages: [errorMessage(error)] };
  const { from, to } = error.fieldErrors;
  const fieldMessages = [from, to].filter((m): m is string => typeof m === 'string');
  const messages = fieldMessages.length > 0 ? [...new Set(fieldMessages)] : [error.message];
  return {
    fieldErrors: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
    messages,
  };
}

/** The office's date today (the setting's time zone, not the machine's), refreshed each minute. */
export function useOfficeToday(utcOffsetMinutes: number): string {
  const [today, setToday] = useState(() => toOfficeWallClock(new Date(), utcOffsetMinutes).slice(0, 10));
  useEffect(() => {
    const timer = window.setInterval(
      () => setToday(toOfficeWallClock(new Date(), utcOffsetMinutes).slice(0, 10)),
      60_000,
    );
    return () => window.clearInterval(timer);
  }, [utcOffsetMinutes]);
  return today;
}
