export * from './periods.ts';
export * from './schemas.ts';
export * from './types.ts';
export * from './wording.ts';
