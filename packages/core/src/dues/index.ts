export * from './amount.ts';
export * from './ledger.ts';
export * from './months.ts';
export * from './remit.ts';
export * from './rows.ts';
export * from './schemas.ts';
export * from './types.ts';
