export * from './by-commune.ts';
export * from './default-rules.ts';
export * from './import-row.ts';
export * from './rules.ts';
export * from './schemas.ts';
export * from './types.ts';
