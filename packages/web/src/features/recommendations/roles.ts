import type { MeDto } from '@nennep/core/accounts/types';

/** Accounts that answer for a level: administrators, committee members, cell secretaries. */
export const isHandler = (me: MeDto) =>
  me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member' || g.role === 'cell_secretary');
/** Committee staff, who enter recommendations received outside the app. */
export const isCommitteeStaff = (me: MeDto) =>
  me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member');
/** Staff who read a subtree's figures: the handlers (the server's dashboard readers). */
export const isDashboardReader = isHandler;
