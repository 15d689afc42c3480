export * from './bieu06';
export * from './invariants';
export * from './period-validation';
export * from './periods';
export * from './register-columns';
export * from './report-arithmetic';
export * from './report-rows';
export * from './statistics-errors';
