export * from './clock-bridge';
export * from './field-rules';
export * from './plan-transition';
export * from './roles';
export * from './workflow-actions';
export * from './workflow-errors';
