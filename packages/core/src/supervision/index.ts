export * from './limits.ts';
export * from './periods.ts';
export * from './rotation.ts';
export * from './schemas.ts';
export * from './score.ts';
export * from './types.ts';
