import type { Handlers } from '../dispatch';

/** Calendar administration and the due-date explainer (working-calendar issue) plug in here. */
export const calendarHandlers = {} satisfies Partial<Handlers>;
