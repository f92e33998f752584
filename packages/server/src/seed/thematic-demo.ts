/**
 * The thematic programme in the demo (seed 000 and 004; issue 17 item 1; HD 12-HD/BTCTW (06/7/2018), its part
 * on sinh hoạt chuyên đề: a thematic meeting per cell and quarter, on a topic of the committee's plan or the
 * cell's own agreed by it), relative to the day it is seeded: each commune committee published 3–4 topics
 * for the year (and for the year before, when the demo's past quarters reach into it); each cell that held
 * its thematic meeting in a past quarter had registered a topic, linked to that meeting, its paper shared
 * before; this quarter most cells have registered theirs (linked to the meeting planned), some have shared
 * the paper and had a couple of members' comments, and one village cell of the demo commune awaits the
 * committee's approval of its own topic. The demo secretary's cell has not registered this quarter's yet,
 * so that it can be done on screen. Set-based: a few INSERT … SELECT, whatever the number of cells.
 */
import { addDays, quarterBounds, quarterOf } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { OrgRow } from '../modules/orgs/queries.ts';

/** Titles and purposes of the topics, eight to choose from: a year takes four of them. */
const TOPICS: readonly (readonly [title: string, purpose: string])[] = [
  [
    'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần tự lực, tự cường',
    'Mỗi đảng viên liên hệ bản thân, đăng ký việc làm cụ thể để phát huy nội lực ở địa phương, đơn vị',
  ],
  [
    'Nâng cao vai trò tiền phong, gương mẫu của đảng viên trong xây dựng nông thôn mới, đô thị văn minh',
    'Thống nhất những việc đảng viên làm trước để Nhân dân làm theo ở khu dân cư',
  ],
  [
    'Phát huy dân chủ ở cơ sở, tăng cường mối quan hệ mật thiết giữa Đảng với Nhân dân',
    'Lắng nghe, giải quyết kịp thời kiến nghị của Nhân dân ngay từ chi bộ',
  ],
  [
    'Đẩy mạnh chuyển đổi số trong hoạt động của chi bộ và đời sống của Nhân dân',
    'Mỗi đảng viên sử dụng thành thạo Sổ tay đảng viên điện tử và hướng dẫn Nhân dân dịch vụ công trực tuyến',
  ],
  [
    'Thực hành tiết kiệm, chống lãng phí trong cơ quan, đơn vị và khu dân cư',
    'Nâng cao ý thức thực hành tiết kiệm trong mỗi đảng viên và gia đình đảng viên',
  ],
  [
    'Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng',
    'Đảng viên nhận diện thông tin xấu, độc và chủ động lan tỏa thông tin tích cực',
  ],
  [
    'Giữ gìn an ninh trật tự, xây dựng khu dân cư an toàn',
    'Phát huy vai trò đảng viên trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
  ],
  [
    'Bảo vệ môi trường, phân loại rác thải sinh hoạt tại nguồn',
    'Đảng viên gương mẫu phân loại rác thải và vận động các hộ gia đình cùng thực hiện',
  ],
];

const PAPER = (title: SQL) => sql`'Tham luận: ' || ${title} || E'\n\n'
  || E'1. Nội dung cơ bản của chuyên đề.\n2. Liên hệ thực tiễn ở chi bộ: kết quả, hạn chế và nguyên nhân.\n'
  || E'3. Nhiệm vụ, giải pháp chi bộ và mỗi đảng viên thực hiện trong thời gian tới.'`;

const COMMENTS = [
  'Đề nghị bổ sung số liệu cụ thể của thôn trong phần liên hệ thực tiễn.',
  'Phần giải pháp nên phân công rõ đảng viên phụ trách từng việc và thời hạn hoàn thành.',
];

/** An instant in Vietnam from a SQL date expression and a time of day. */
const at = (day: SQL, time: string) =>
  sql`(to_char(${day}, 'YYYY-MM-DD') || ${`T${time}:00+07:00`})::timestamptz`;

export async function seedThematicDemo(
  db: Db,
  input: { root: OrgRow; today: string; communeCode: string; secretaryCellCode: string },
) {
  const { root, today } = input;
  const year = Number(today.slice(0, 4));
  const quarter = quarterOf(today);
  const current = quarterBounds(year, quarter);
  const yearBefore = Number(addDays(today, -366).slice(0, 4));
  const years = yearBefore < year ? [yearBefore, year] : [year];
  const communes = sql`SELECT id, path, row_number() OVER (ORDER BY path)::int AS n FROM orgs
    WHERE parent_id = ${root.id} AND kind = 'committee' AND category IS NULL`;
  const cells = sql`SELECT o.id, o.path, o.code, o.category, c.id AS commune_id FROM orgs o
    JOIN (${communes}) c ON o.path LIKE c.path || '%'
    WHERE o.kind IN ('cell', 'grassroots_cell', 'party_group') AND o.status = 'active'`;

  // The topics: four per commune and year, three for every second commune, published early in January.
  const values = years.flatMap((y) =>
    [0, 1, 2, 3].map((k) => {
      const [title, purpose] = TOPICS[((y % 2) * 4 + k) % TOPICS.length] ?? ['', ''];
      const published = `${y}-01-06` < today ? `${y}-01-06` : addDays(today, -1);
      return sql`(${y}::int, ${k + 1}::int, ${title}::text, ${purpose}::text,
        ${`Tài liệu sinh hoạt chuyên đề năm ${y}; hướng dẫn của Ban Tuyên giáo và Dân vận Tỉnh ủy`}::text,
        ${`${published}T09:00:00+07:00`}::timestamptz)`;
    }),
  );
  await db.execute(sql`
    INSERT INTO thematic_topics (org_id, org_path, year, title, purpose, materials, status, published_at, created_at)
    SELECT c.id, c.path, v.year, v.title, v.purpose, v.materials, 'published', v.published,
      v.published - interval '3 days'
    FROM (${communes}) c
    CROSS JOIN (VALUES ${sql.join(values, sql`, `)}) AS v(year, k, title, purpose, materials, published)
    WHERE v.k <= CASE WHEN c.n % 2 = 0 THEN 3 ELSE 4 END
    ORDER BY c.path, v.year, v.k`);
  const topics = sql`SELECT t.id, t.org_id, t.year, t.title, t.purpose,
      row_number() OVER (PARTITION BY t.org_id, t.year ORDER BY t.id)::int AS k,
      count(*) OVER (PARTITION BY t.org_id, t.year)::int AS n
    FROM thematic_topics t JOIN (${communes}) c ON c.id = t.org_id`;
  const presenter = (cell: SQL, salt: SQL) => sql`coalesce((SELECT jsonb_build_array(mb.id) FROM members mb
      WHERE mb.org_id = ${cell} AND mb.status = 'official' ORDER BY md5(mb.id::text || ${salt}::text) LIMIT 1),
    '[]'::jsonb)`;

  // Past quarters: the cells that held their thematic meeting had registered a topic, shared the paper.
  await db.execute(sql`
    WITH held AS (
      SELECT DISTINCT ON (z.org_id, z.y, z.q) z.* FROM (
        SELECT m.id, m.org_id, m.org_path, m.scheduled_date, extract(year FROM m.scheduled_date)::int AS y,
          ((extract(month FROM m.scheduled_date)::int - 1) / 3 + 1) AS q, cl.commune_id
        FROM meetings m JOIN (${cells}) cl ON cl.id = m.org_id
        WHERE m.kind = 'thematic' AND m.status IN ('held', 'adopted') AND m.scheduled_date < ${current.from}
      ) z
      ORDER BY z.org_id, z.y, z.q, z.scheduled_date
    )
    INSERT INTO thematic_registrations (org_id, org_path, year, quarter, topic_id, title, purpose, status,
      presenter_member_ids, planned_date, meeting_id, paper_shared_at, created_at)
    SELECT h.org_id, h.org_path, h.y, h.q, t.id, t.title, t.purpose, 'registered',
      ${presenter(sql`h.org_id`, sql`h.q`)}, h.scheduled_date, h.id,
      ${at(sql`h.scheduled_date - 6`, '20:00')}, ${at(sql`h.scheduled_date - 30`, '09:00')}
    FROM held h JOIN (${topics}) t ON t.org_id = h.commune_id AND t.year = h.y AND t.k = (h.org_id + h.q) % t.n + 1
    ORDER BY h.y, h.q, h.org_path`);

  // This quarter: one village cell of the demo commune asks for its own topic; the secretary's cell has
  // not registered yet; of the others, five in six registered, linked to the thematic meeting planned.
  const [own] = await rows<{ id: number; path: string }>(
    db,
    sql`SELECT o.id::int AS id, o.path FROM orgs o JOIN orgs c ON c.id = o.parent_id
        WHERE c.code = ${input.communeCode} AND o.kind = 'cell' AND o.category IN ('village', 'street_group')
          AND o.code <> ${input.secretaryCellCode} AND o.status = 'active'
        ORDER BY o.path LIMIT 1`,
  );
  const middle = `${current.from.slice(0, 5)}${String((quarter - 1) * 3 + 2).padStart(2, '0')}-15`;
  const ownDate = middle > today ? middle : today;
  await db.execute(sql`
    WITH next AS (
      SELECT DISTINCT ON (m.org_id) m.id, m.org_id, m.org_path, m.scheduled_date, m.status, cl.commune_id
      FROM meetings m JOIN (${cells}) cl ON cl.id = m.org_id
      WHERE m.kind = 'thematic' AND m.status <> 'cancelled'
        AND m.scheduled_date BETWEEN ${current.from} AND ${current.to}
        AND cl.code <> ${input.secretaryCellCode} AND m.org_id % 6 <> 0 AND m.org_id <> ${own?.id ?? 0}
      ORDER BY m.org_id, m.scheduled_date
    )
    INSERT INTO thematic_registrations (org_id, org_path, year, quarter, topic_id, title, purpose, status,
      presenter_member_ids, planned_date, meeting_id, paper_shared_at, created_at)
    SELECT x.org_id, x.org_path, ${year}, ${quarter}, t.id, t.title, t.purpose, 'registered',
      ${presenter(sql`x.org_id`, sql`${quarter}`)}, x.scheduled_date, x.id,
      CASE WHEN x.status IN ('held', 'adopted')
        THEN ${at(sql`x.scheduled_date - 5`, '20:00')}
        WHEN x.org_id % 3 = 0 THEN ${at(sql`LEAST(x.scheduled_date - 5, ${addDays(today, -2)}::date)`, '20:00')}
      END,
      ${at(sql`LEAST(x.scheduled_date - 25, ${addDays(today, -20)}::date)`, '09:00')}
    FROM next x JOIN (${topics}) t ON t.org_id = x.commune_id AND t.year = ${year}
      AND t.k = (x.org_id + ${quarter}) % t.n + 1
    ORDER BY x.org_path`);
  if (own) {
    await db.execute(sql`
      INSERT INTO thematic_registrations (org_id, org_path, year, quarter, topic_id, title, purpose, status,
        presenter_member_ids, planned_date, created_at)
      VALUES (${own.id}, ${own.path}, ${year}, ${quarter}, NULL,
        'Phát triển mô hình kinh tế hộ gia đình gắn với xây dựng thôn nông thôn mới kiểu mẫu',
        'Thống nhất cách làm, đảng viên đi đầu nhân rộng mô hình', 'pending',
        ${presenter(sql`${own.id}`, sql`${quarter}`)}, ${ownDate}, ${at(sql`${addDays(today, -3)}::date`, '09:00')})`);
  }

  // The shared papers (version 1, drafted two days before) and, this quarter, two members' comments each.
  await db.execute(sql`
    INSERT INTO thematic_papers (registration_id, version, text, created_by, created_by_name, created_at, shared_at)
    SELECT r.id, 1, ${PAPER(sql`r.title`)}, NULL,
      coalesce((SELECT full_name FROM members WHERE id = (r.presenter_member_ids->>0)::bigint), 'Chi ủy'),
      r.paper_shared_at - interval '2 days', r.paper_shared_at
    FROM thematic_registrations r JOIN (${cells}) cl ON cl.id = r.org_id
    WHERE r.paper_shared_at IS NOT NULL
    ORDER BY r.id`);
  await db.execute(sql`
    INSERT INTO thematic_comments (registration_id, paper_id, member_id, text, created_at)
    SELECT r.id, p.id, mb.id, (ARRAY[${COMMENTS[0]}::text, ${COMMENTS[1]}::text])[mb.k], p.shared_at + mb.k * interval '10 hours'
    FROM thematic_registrations r
    JOIN thematic_papers p ON p.registration_id = r.id AND p.version = 1
    CROSS JOIN LATERAL (
      SELECT s.id, row_number() OVER (ORDER BY s.id)::int AS k FROM (
        SELECT id FROM members WHERE org_id = r.org_id AND status IN ('official', 'probationary')
          AND NOT r.presenter_member_ids @> to_jsonb(id) ORDER BY md5(id::text) LIMIT 2) s
    ) mb
    WHERE r.year = ${year} AND r.quarter = ${quarter}
    ORDER BY r.id, mb.k`);

  // The trail the commands leave: topics published, registrations made.
  await db.execute(sql`
    INSERT INTO audit_events (at, actor_name, action, entity_type, entity_id, org_path, detail)
    SELECT t.published_at, 'system', 'thematic.topic_published', 'thematic_topic', t.id::text, t.org_path,
      jsonb_build_object('year', t.year, 'title', t.title)
    FROM thematic_topics t JOIN (${communes}) c ON c.id = t.org_id
    UNION ALL
    SELECT r.created_at, 'system', 'thematic.registered', 'thematic_registration', r.id::text, r.org_path,
      jsonb_build_object('year', r.year, 'quarter', r.quarter, 'topicId', r.topic_id, 'status', r.status)
    FROM thematic_registrations r JOIN (${cells}) cl ON cl.id = r.org_id`);
  const [count] = await rows<{ topics: number; registrations: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM thematic_topics) AS topics,
          (SELECT count(*)::int FROM thematic_registrations) AS registrations`,
  );
  return count ?? { topics: 0, registrations: 0 };
}
