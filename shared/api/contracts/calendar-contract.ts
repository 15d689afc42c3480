import { z } from '../zod-vi';
import {
  calendarApplyInput,
  calendarApplyOutput,
  calendarEditsInput,
  calendarPreviewOutput,
  calendarYearOutput,
  dueDateInput,
  dueDateOutput,
} from '../schemas/calendar';
import { ADMIN, type MethodSpec } from './method';

/** The working calendar and explained due dates. */
export const calendarContract = {
  'calendar.year': {
    access: 'user',
    input: z.object({ year: z.number().int().min(2000).max(2199) }),
    output: calendarYearOutput,
  },
  'calendar.previewEdits': { access: ADMIN, input: calendarEditsInput, output: calendarPreviewOutput },
  'calendar.applyEdits': { access: ADMIN, input: calendarApplyInput, output: calendarApplyOutput },
  'calendar.dueDate': { access: 'user', input: dueDateInput, output: dueDateOutput },
} as const satisfies Record<string, MethodSpec>;
