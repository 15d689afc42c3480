export * from './compute-deadline';
export * from './deadline-clock';
export * from './deadline-errors';
export * from './deadline-ledger';
export type * from './deadline-types';
export * from './instant';
export * from './normalize-input';
export * from './office-hours';
export * from './on-time';
