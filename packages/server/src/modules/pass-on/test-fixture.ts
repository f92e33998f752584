import type { Db } from '../../db/client.ts';
import type { Client } from '../../test/factories.ts';
import { seedTree, twoCommunes } from '../../test/tree.ts';

/**
 * P (province) > GA (commune) > cells C1, C2 (villages), C3 (a school); P > GB > D (village). Accounts: `ga`
 * (committee member of GA), `p` (of P), `admin` (admin of P), `gb` (of GB), `sec1`/`sec2`/`sec3`/`secd`
 * (secretaries of C1, C2, C3, D), `mem1` (a member of C1).
 */
export async function buildPassOnFixture(db: Db) {
  await seedTree(db, {
    orgs: twoCommunes(),
    members: [
      { code: 'C101', name: 'Nguyễn Văn Khánh', org: 'C1', position: 'secretary' },
      { code: 'C102', name: 'Trần Thị Hằng', org: 'C1' },
      { code: 'C103', name: 'Lê Văn Cường', org: 'C1' },
      { code: 'C201', name: 'Phạm Văn Vinh', org: 'C2' },
    ],
    accounts: [
      ['ga', 'committee_member', 'GA'],
      ['p', 'committee_member', 'P'],
      ['admin', 'admin', 'P'],
      ['gb', 'committee_member', 'GB'],
      ['sec1', 'cell_secretary', 'C1'],
      ['sec2', 'cell_secretary', 'C2'],
      ['sec3', 'cell_secretary', 'C3'],
      ['secd', 'cell_secretary', 'D'],
      ['mem1', 'member', 'C1', 'C102'],
    ],
  });
}

/** Posts the registration form (multipart): its fields, then the file (none when `content` is null). */
export function registerForm(
  client: Client,
  fields: Record<string, string>,
  content: Buffer | null = Buffer.from('%PDF-1.4 nghị quyết'),
  fileName = 'nghi-quyet.pdf',
) {
  const boundary = `----nennep${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (content) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return client.request({
    method: 'POST',
    url: '/api/documents-to-pass-on',
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'vi' },
  });
}
