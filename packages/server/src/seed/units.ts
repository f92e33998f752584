/** District-level units: agency committees, the enterprise bloc and grassroots cells (chi bộ cơ sở). */
import type { OrgCategory } from '../../../core/src/org.ts';
import { asciiCode, COMMUNES, ROOT_CODE, schoolPlace } from './places.ts';
import type { DemoOrgRow } from './types.ts';

type CellDef = readonly [code: string, name: string, category: OrgCategory];

interface AgencyCommittee {
  code: string;
  name: string;
  cellCategory: OrgCategory;
  cells: readonly (readonly [code: string, name: string])[];
}

const AGENCY_COMMITTEES: readonly AgencyCommittee[] = [
  {
    code: 'CQCQ',
    name: 'Đảng bộ Cơ quan chính quyền huyện',
    cellCategory: 'agency',
    cells: [
      ['VANPHONG', 'Văn phòng HĐND và UBND huyện'],
      ['NOIVU', 'Phòng Nội vụ'],
      ['TCKH', 'Phòng Tài chính - Kế hoạch'],
      ['TNMT', 'Phòng Tài nguyên và Môi trường'],
      ['KINHTE', 'Phòng Kinh tế'],
      ['QLDT', 'Phòng Quản lý đô thị'],
      ['GDDT', 'Phòng Giáo dục và Đào tạo'],
      ['LDTBXH', 'Phòng Lao động - Thương binh và Xã hội'],
      ['VHTT', 'Phòng Văn hóa và Thông tin'],
      ['THANHTRA', 'Thanh tra huyện'],
      ['TUPHAP', 'Phòng Tư pháp'],
      ['YTE', 'Phòng Y tế'],
    ],
  },
  {
    code: 'CQDDT',
    name: 'Đảng bộ Cơ quan Đảng - Mặt trận - đoàn thể huyện',
    cellCategory: 'agency',
    cells: [
      ['VPHU', 'Văn phòng Huyện ủy'],
      ['BTC', 'Ban Tổ chức Huyện ủy'],
      ['BTG', 'Ban Tuyên giáo Huyện ủy'],
      ['UBKT', 'Ủy ban Kiểm tra Huyện ủy'],
      ['BDV', 'Ban Dân vận Huyện ủy'],
      ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện'],
      ['HUYENDOAN', 'Huyện đoàn'],
      ['HLHPN', 'Hội Liên hiệp Phụ nữ huyện'],
      ['HND', 'Hội Nông dân huyện'],
      ['TTCT', 'Trung tâm Chính trị huyện'],
    ],
  },
  {
    code: 'QSH',
    name: 'Đảng bộ Quân sự huyện',
    cellCategory: 'armed_forces',
    cells: [
      ['CHIHUY', 'Ban Chỉ huy'],
      ['THAMMUU', 'Tham mưu'],
      ['CHINHTRI', 'Chính trị'],
      ['HCKT', 'Hậu cần - Kỹ thuật'],
      ['DQCD', 'Trung đội dân quân cơ động'],
    ],
  },
  {
    code: 'CAH',
    name: 'Đảng bộ Công an huyện',
    cellCategory: 'armed_forces',
    cells: [
      ['TMTH', 'Đội Tham mưu - Tổng hợp'],
      ['CSHS', 'Đội Cảnh sát điều tra tội phạm về trật tự xã hội'],
      ['ANINH', 'Đội An ninh'],
      ['CSGT', 'Đội Cảnh sát giao thông - Trật tự'],
      ['QLHC', 'Đội Cảnh sát quản lý hành chính về trật tự xã hội'],
      ['KTMT', 'Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy'],
      ['THAHS', 'Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp'],
      ['PCCC', 'Đội Cảnh sát phòng cháy, chữa cháy'],
    ],
  },
  {
    code: 'KNC',
    name: 'Đảng bộ Khối Nội chính - Tài chính huyện',
    cellCategory: 'agency',
    cells: [
      ['VKS', 'Viện Kiểm sát nhân dân huyện'],
      ['TOAAN', 'Tòa án nhân dân huyện'],
      ['THADS', 'Chi cục Thi hành án dân sự huyện'],
      ['THUE', 'Chi cục Thuế khu vực'],
      ['KBNN', 'Kho bạc Nhà nước Đan Phượng'],
      ['BHXH', 'Bảo hiểm xã hội huyện'],
      ['THONGKE', 'Chi cục Thống kê huyện'],
    ],
  },
];

const ENTERPRISE_BLOC_CODE = `${ROOT_CODE}.KDN`;
const ENTERPRISE_CELLS: readonly (readonly [code: string, name: string])[] = [
  ['MTDT', 'Công ty Cổ phần Môi trường đô thị Đan Phượng'],
  ['XDPH', 'Công ty Cổ phần Xây dựng Phượng Hoàng'],
  ['TMHH', 'Công ty TNHH Thương mại Hồng Hà'],
  ['TPTL', 'Công ty Cổ phần Thực phẩm Tân Lập'],
  ['MAYLT', 'Công ty TNHH May mặc Liên Trung'],
  ['VANTAI', 'Công ty Cổ phần Vận tải Đan Phượng'],
  ['CKTA', 'Công ty TNHH Cơ khí Thọ An'],
];
const SUB_COMMITTEE_CODE = `${ENTERPRISE_BLOC_CODE}.XNTL`;
const SUB_COMMITTEE_CELLS: readonly (readonly [code: string, name: string])[] = [
  ['VANPHONG', 'Văn phòng Xí nghiệp'],
  ['DANHOAI', 'Cụm Thủy nông Đan Hoài'],
  ['HONGHA', 'Cụm Thủy nông Hồng Hà'],
  ['TANLAP', 'Cụm Thủy nông Tân Lập'],
  ['LIENHONG', 'Trạm bơm Liên Hồng'],
];

/** Five agency committees and the enterprise bloc (with its sub-committee), each followed by its cells. */
export function districtCommitteeOrgs(): DemoOrgRow[] {
  const rows: DemoOrgRow[] = [];
  const cells = (
    parent: string,
    category: OrgCategory,
    defs: readonly (readonly [string, string])[],
  ): void => {
    for (const [code, name] of defs) {
      rows.push({
        code: `${parent}.${code}`,
        name: `Chi bộ ${name}`,
        kind: 'cell',
        category,
        parent_code: parent,
      });
    }
  };
  for (const a of AGENCY_COMMITTEES) {
    const code = `${ROOT_CODE}.${a.code}`;
    rows.push({
      code,
      name: a.name,
      kind: 'grassroots_committee',
      category: 'agency',
      parent_code: ROOT_CODE,
    });
    cells(code, a.cellCategory, a.cells);
  }
  rows.push({
    code: ENTERPRISE_BLOC_CODE,
    name: 'Đảng bộ Khối Doanh nghiệp huyện',
    kind: 'grassroots_committee',
    category: 'enterprise',
    parent_code: ROOT_CODE,
  });
  cells(ENTERPRISE_BLOC_CODE, 'enterprise', ENTERPRISE_CELLS);
  rows.push({
    code: SUB_COMMITTEE_CODE,
    name: 'Đảng bộ bộ phận Xí nghiệp Thủy lợi Đan Phượng',
    kind: 'sub_committee',
    category: 'enterprise',
    parent_code: ENTERPRISE_BLOC_CODE,
  });
  cells(SUB_COMMITTEE_CODE, 'enterprise', SUB_COMMITTEE_CELLS);
  return rows;
}

const OTHER_GRASSROOTS_CELLS: readonly CellDef[] = [
  ['BVDK', 'Chi bộ Bệnh viện đa khoa huyện Đan Phượng', 'health'],
  ['TTYT', 'Chi bộ Trung tâm Y tế huyện Đan Phượng', 'health'],
  ['QTD-PHUONGDINH', 'Chi bộ Quỹ tín dụng nhân dân Phương Đình', 'credit_fund'],
  ['QTD-TANHOI', 'Chi bộ Quỹ tín dụng nhân dân Tân Hội', 'credit_fund'],
  ['QTD-THOXUAN', 'Chi bộ Quỹ tín dụng nhân dân Thọ Xuân', 'credit_fund'],
  ['QTD-LIENHONG', 'Chi bộ Quỹ tín dụng nhân dân Liên Hồng', 'credit_fund'],
  ['HTX-LIENHA', 'Chi bộ Hợp tác xã nông nghiệp Liên Hà', 'cooperative'],
  ['HTX-SONGPHUONG', 'Chi bộ Hợp tác xã dịch vụ nông nghiệp Song Phượng', 'cooperative'],
  ['NHCSXH', 'Chi bộ Phòng giao dịch Ngân hàng Chính sách xã hội huyện', 'agency'],
  ['AGRIBANK', 'Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Đan Phượng', 'enterprise'],
  ['DIENLUC', 'Chi bộ Điện lực Đan Phượng', 'enterprise'],
  ['TTVHTT', 'Chi bộ Trung tâm Văn hóa - Thông tin và Thể thao huyện', 'public_service'],
  ['TTPTQD', 'Chi bộ Trung tâm Phát triển quỹ đất huyện', 'public_service'],
  ['BQLDA', 'Chi bộ Ban Quản lý dự án đầu tư xây dựng huyện', 'public_service'],
  ['HATDE', 'Chi bộ Hạt Quản lý đê Đan Phượng', 'public_service'],
];

/** The 45 grassroots cells directly under the district committee. */
export function grassrootsCellOrgs(): DemoOrgRow[] {
  const defs: CellDef[] = [
    ['THPT-DANPHUONG', 'Chi bộ Trường THPT Đan Phượng', 'school'],
    ['THPT-HONGTHAI', 'Chi bộ Trường THPT Hồng Thái', 'school'],
    ['THPT-TANLAP', 'Chi bộ Trường THPT Tân Lập', 'school'],
    ['GDNN-GDTX', 'Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện', 'school'],
  ];
  for (const c of COMMUNES) {
    defs.push([`THCS-${asciiCode(c.name)}`, `Chi bộ Trường THCS ${schoolPlace(c)}`, 'school']);
  }
  for (const c of COMMUNES) {
    if (c.primaryIsGrassroots) {
      defs.push([`TH-${asciiCode(c.name)}`, `Chi bộ Trường Tiểu học ${schoolPlace(c)}`, 'school']);
    }
  }
  for (const c of COMMUNES) {
    if (c.healthIsGrassroots) {
      defs.push([`TYT-${asciiCode(c.name)}`, `Chi bộ Trạm Y tế ${c.unit} ${c.name}`, 'health']);
    }
  }
  defs.push(...OTHER_GRASSROOTS_CELLS);
  return defs.map(([code, name, category]) => ({
    code: `${ROOT_CODE}.${code}`,
    name,
    kind: 'grassroots_cell',
    category,
    parent_code: ROOT_CODE,
  }));
}
