import type { MeDto } from '@nennep/core/accounts/types';

/** Who reads a subtree's ratings and figures (the server's RATING_READERS, domain.md §10). */
export const isRatingReader = (me: MeDto) =>
  me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member' || g.role === 'cell_secretary');

/** Who decides (a committee member or administrator of a superior organisation, QĐ 366-QĐ/TW). */
export const isRatingDecider = (me: MeDto) =>
  me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member');
