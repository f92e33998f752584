import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';
import { assertCanReadMember, canReadPersonal } from './policy.ts';
import { findMember } from './queries.ts';

/**
 * A member's personal data (birth date, citizen ID, phone …), read and logged in one transaction: only
 * those who manage the member and the member himself or herself see it, and every reading leaves an audit
 * event naming who read it (Decree 13/2023/NĐ-CP on personal data; domain.md §2). Others get 404.
 */
export async function readPersonal(db: Db, actor: Actor, code: string) {
  return db.transaction(async (tx) => {
    const member = assertCanReadMember(actor, await findMember(tx, code));
    if (!canReadPersonal(actor, member)) throw notFound('member');
    await audit(tx, actor, {
      action: 'member.personal_viewed',
      entityType: 'member',
      entityId: member.memberCode,
      orgPath: member.orgPath,
    });
    return {
      birthDate: member.birthDate,
      ethnicity: member.ethnicity,
      religion: member.religion,
      hometown: member.hometown,
      citizenId: member.citizenId,
      phone: member.phone,
    };
  });
}
