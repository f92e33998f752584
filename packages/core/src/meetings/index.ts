export * from './default-rule-set.ts';
export * from './documents.ts';
export * from './minutes-model.ts';
export * from './planning.ts';
export * from './rule-sets.ts';
export * from './score.ts';
export * from './types.ts';
export * from './vote.ts';
