export * from './licence-register';
export * from './number-format';
export * from './numbering-errors';
export * from './series';
