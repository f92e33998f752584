export * from './account.ts';
export * from './dates.ts';
export * from './member.ts';
export * from './member-rules.ts';
export * from './messages.ts';
export * from './org.ts';
export * from './text/vietnamese.ts';
