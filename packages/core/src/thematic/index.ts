export * from './rules.ts';
export * from './schemas.ts';
export * from './session.ts';
export * from './session-schemas.ts';
export * from './session-types.ts';
export * from './types.ts';
