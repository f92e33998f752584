/** Demo members of one cell: names, dates, status and cell positions, all from a seeded generator. */
import type { OrgCategory } from '../../../core/src/orgs/types.ts';
import { addYears, dayOf, isoOf, yearOf } from './dates.ts';
import { randomFullName } from './names.ts';
import { type Rng, randInt, shuffle, weighted } from './prng.ts';
import type { DemoMemberRow } from './types.ts';

/** The reference date of generated data that does not live in time (benchmarks, import tests). */
export const FIXED_REFERENCE_DATE = '2026-11-01';
const PROBATIONARY_RATE = 0.031;
const EXEMPT_NOTE = 'Miễn công tác và sinh hoạt đảng do tuổi cao, sức yếu';

type YearBand = readonly [from: number, to: number];

export interface MemberProfile {
  /** Birth-year bands of official members. */
  births: (rng: Rng) => YearBand;
  maleShare: number;
}

const RESIDENTIAL_BIRTHS = weighted<YearBand>([
  [[1940, 1955], 22],
  [[1956, 1970], 33],
  [[1971, 1990], 33],
  [[1991, 2003], 12],
]);
const WORK_BIRTHS = weighted<YearBand>([
  [[1966, 1975], 25],
  [[1976, 1990], 50],
  [[1991, 2001], 25],
]);
const ARMED_BIRTHS = weighted<YearBand>([
  [[1968, 1980], 20],
  [[1981, 1995], 55],
  [[1996, 2003], 25],
]);

const RESIDENTIAL: MemberProfile = { births: RESIDENTIAL_BIRTHS, maleShare: 0.62 };
const WORK: MemberProfile = { births: WORK_BIRTHS, maleShare: 0.55 };
/** Mixed profile for benchmark members whose cells have no category. */
export const GENERIC_PROFILE: MemberProfile = {
  births: (rng) => (rng() < 0.5 ? RESIDENTIAL_BIRTHS(rng) : WORK_BIRTHS(rng)),
  maleShare: 0.57,
};

export function profileFor(category: OrgCategory | null): MemberProfile {
  switch (category) {
    case 'village':
    case 'street_group':
    case 'residential_cluster':
      return RESIDENTIAL;
    case 'school':
      return { births: WORK_BIRTHS, maleShare: 0.3 };
    case 'health':
      return { births: WORK_BIRTHS, maleShare: 0.4 };
    case 'armed_forces':
      return { births: ARMED_BIRTHS, maleShare: 0.9 };
    case null:
      return GENERIC_PROFILE;
    default:
      return WORK;
  }
}

export interface MemberContext {
  rng: Rng;
  /** "Today" of the data, as a day number: nobody is admitted or exempted after it. */
  refDay: number;
  /** Number of the last member code handed out (DV000001 is 1). */
  seq: number;
  cards: Set<string>;
}

export function createMemberContext(rng: Rng, referenceDate = FIXED_REFERENCE_DATE): MemberContext {
  return { rng, refDay: dayOf(referenceDate), seq: 0, cards: new Set() };
}

function nextCode(ctx: MemberContext): string {
  ctx.seq += 1;
  return `DV${String(ctx.seq).padStart(6, '0')}`;
}

/** Unique 8-digit party card number. */
function nextCard(ctx: MemberContext): string {
  for (;;) {
    const card = String(randInt(ctx.rng, 10_000_000, 99_999_999));
    if (!ctx.cards.has(card)) {
      ctx.cards.add(card);
      return card;
    }
  }
}

function dayInYear(rng: Rng, year: number): number {
  const first = dayOf(`${year}-01-01`);
  return randInt(rng, first, dayOf(`${year}-12-31`));
}

function makeMember(
  ctx: MemberContext,
  orgCode: string,
  profile: MemberProfile,
  probationary: boolean,
): DemoMemberRow {
  const { rng, refDay } = ctx;
  // Official members were admitted at least 12 months (plus a month for the decision) before today.
  const lastOfficialAdmission = addYears(refDay, -1) - 31;
  const sex = rng() < profile.maleShare ? 'male' : 'female';
  let birth: number;
  let admission: number;
  if (probationary) {
    birth = dayInYear(rng, randInt(rng, 1980, 2003));
    admission = randInt(rng, addYears(refDay, -1) + 1, refDay);
  } else {
    const [from, to] = profile.births(rng);
    birth = dayInYear(rng, randInt(rng, from, to));
    const earliest = addYears(birth, 18);
    const latest = Math.min(addYears(birth, 60), lastOfficialAdmission);
    // Skewed towards joining young (early twenties to thirties).
    admission = earliest + Math.floor(rng() ** 1.8 * (latest - earliest + 1));
  }
  return {
    member_code: nextCode(ctx),
    full_name: randomFullName(rng, sex, yearOf(birth)),
    sex,
    birth_date: isoOf(birth),
    org_code: orgCode,
    status: probationary ? 'probationary' : 'official',
    admission_date: isoOf(admission),
    official_date: probationary ? null : isoOf(addYears(admission, 1)),
    position: 'member',
    party_card_no: nextCard(ctx),
    exempt_from: null,
    notes: null,
  };
}

/** Age in whole-ish years at the reference date (good enough for picking leaders). */
function ageOf(m: DemoMemberRow, refDay: number): number {
  return (refDay - dayOf(m.birth_date)) / 365.25;
}

/**
 * Gives the cell one secretary; with 9 or more official members also a deputy and 1–3 committee
 * members (chi ủy). Leaders are official members, preferably 28–70 years old.
 */
function assignPositions(rng: Rng, members: DemoMemberRow[], refDay: number): void {
  const official = members.filter((m) => m.status === 'official');
  if (official.length === 0) return;
  const preferred = shuffle(
    rng,
    official.filter((m) => {
      const age = ageOf(m, refDay);
      return age >= 28 && age <= 70;
    }),
  );
  const chosen = new Set(preferred);
  const others = shuffle(
    rng,
    official.filter((m) => !chosen.has(m)),
  );
  const pool = [...preferred, ...others];
  pool[0].position = 'secretary';
  if (official.length < 9) return;
  pool[1].position = 'deputy_secretary';
  const committee = official.length >= 20 ? randInt(rng, 1, 3) : 1;
  for (let i = 0; i < committee; i++) pool[2 + i].position = 'committee_member';
}

/**
 * Members of one cell. Each cell keeps at least 3 official members; `probationary` forces the exact
 * number of probationary members, otherwise about 3% are.
 */
export function generateCellMembers(
  ctx: MemberContext,
  orgCode: string,
  size: number,
  profile: MemberProfile,
  probationary?: number,
): DemoMemberRow[] {
  const members: DemoMemberRow[] = [];
  let probationaryLeft = probationary ?? 0;
  let officialSoFar = 0;
  for (let i = 0; i < size; i++) {
    let isProbationary: boolean;
    if (probationary !== undefined) {
      isProbationary = probationaryLeft > 0 && size - i <= probationaryLeft;
      if (isProbationary) probationaryLeft -= 1;
    } else {
      const canAfford = officialSoFar + (size - i - 1) >= 3;
      isProbationary = canAfford && ctx.rng() < PROBATIONARY_RATE;
    }
    if (!isProbationary) officialSoFar += 1;
    members.push(makeMember(ctx, orgCode, profile, isProbationary));
  }
  assignPositions(ctx.rng, members, ctx.refDay);
  return members;
}

/**
 * Marks about `rate` of all members as exempt (miễn sinh hoạt): old (born 1955 or earlier) official
 * members without a cell position, never leaving a cell with fewer than 3 non-exempt official members.
 */
export function assignExemptions(
  ctx: MemberContext,
  members: DemoMemberRow[],
  rate: number,
  excludedOrgs: ReadonlySet<string> = new Set(),
): void {
  const { rng, refDay } = ctx;
  const target = Math.round(members.length * rate);
  const active = new Map<string, number>();
  for (const m of members) {
    if (m.status === 'official') active.set(m.org_code, (active.get(m.org_code) ?? 0) + 1);
  }
  const eligible = members.filter(
    (m) =>
      m.status === 'official' &&
      m.position === 'member' &&
      m.birth_date <= '1955-12-31' &&
      !excludedOrgs.has(m.org_code),
  );
  let done = 0;
  for (const m of shuffle(rng, eligible)) {
    if (done >= target) break;
    const left = active.get(m.org_code) ?? 0;
    if (left <= 3) continue;
    active.set(m.org_code, left - 1);
    const earliest = Math.max(
      addYears(dayOf(m.birth_date), 70),
      dayOf(m.official_date ?? m.admission_date),
      addYears(refDay, -10),
    );
    const from = earliest >= refDay ? refDay : randInt(rng, earliest, refDay - 1);
    m.exempt_from = isoOf(from);
    m.notes = EXEMPT_NOTE;
    done += 1;
  }
}
