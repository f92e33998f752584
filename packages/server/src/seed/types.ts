import type { Role } from '../../../core/src/accounts/types.ts';
import type { OrgCategory, OrgKind } from '../../../core/src/orgs/types.ts';

export interface DemoOrgRow {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  parent_code: string | null;
}

export interface DemoMemberRow {
  member_code: string;
  full_name: string;
  sex: 'male' | 'female';
  /** ISO yyyy-mm-dd. */
  birth_date: string;
  org_code: string;
  status: 'official' | 'probationary';
  admission_date: string;
  official_date: string | null;
  position: 'secretary' | 'deputy_secretary' | 'committee_member' | 'member';
  party_card_no: string;
  exempt_from: string | null;
  notes: string | null;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  memberCode: string | null;
}

export interface DemoData {
  orgs: DemoOrgRow[];
  members: DemoMemberRow[];
  accounts: DemoAccount[];
}
