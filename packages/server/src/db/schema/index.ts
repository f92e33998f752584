export * from './accounts.ts';
export * from './audit.ts';
export * from './meetings.ts';
export * from './members.ts';
export * from './orgs.ts';
export * from './recommendations.ts';
export * from './reports.ts';
export * from './supervision.ts';
