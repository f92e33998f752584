/**
 * The model meeting of domain.md §3 (a Cần Thơ cell, 17 members, all present; 10 members spoke 13
 * opinions; a probationary member recognised as official; the resolution voted; a full 100-point score
 * sheet), as the minutes and resolution models the renderers print. Used by the golden tests, the demo
 * and the benchmark; names and places are invented.
 */
import type { MinutesModel, ResolutionModel } from '@nennep/core';
import { CRITERIA } from './fixtures-score.ts';

const HEADER = {
  superior: 'ĐẢNG BỘ PHƯỜNG NINH KIỀU',
  issuer: 'CHI BỘ KHU VỰC 3',
  placeDate: 'Ninh Kiều, ngày 05 tháng 02 năm 2026',
};

export const CHAIR = 'Nguyễn Văn Thành';
export const MINUTE_TAKER = 'Lê Thị Ngọc Hân';
export const GUEST = 'Trần Thị Mỹ Hạnh';
export const NEW_OFFICIAL = 'Phan Thị Thanh Thúy';

/** The 17 members of the cell, the new official member last. */
export const MEMBERS = [
  CHAIR,
  'Trần Thị Bích Ngọc',
  MINUTE_TAKER,
  'Phạm Minh Tuấn',
  'Huỳnh Văn Lợi',
  'Võ Thị Kim Loan',
  'Đặng Quốc Bảo',
  'Bùi Thanh Phong',
  'Lâm Thị Thu Trang',
  'Dương Văn Hùng',
  'Châu Ngọc Diễm',
  'Ngô Văn Tư',
  'Trương Thị Mỹ Linh',
  'Hồ Văn Sang',
  'Tạ Thị Hồng Nhung',
  'Lý Minh Khoa',
  NEW_OFFICIAL,
] as const;

const AGENDA = [
  'Tuyên bố lý do, giới thiệu đại biểu; điểm danh đảng viên',
  'Thông tin thời sự, chủ trương, chính sách mới',
  'Phổ biến, quán triệt văn bản của cấp trên',
  'Báo cáo kết quả thực hiện nhiệm vụ tháng 01 và phương hướng nhiệm vụ tháng 02 năm 2026',
  'Thảo luận',
  `Xét công nhận đảng viên chính thức đối với đồng chí ${NEW_OFFICIAL}`,
  'Tự phê bình và phê bình luân phiên',
  'Phát biểu của đồng chí đảng ủy viên phụ trách chi bộ',
  'Chủ trì kết luận; biểu quyết thông qua nghị quyết; đánh giá chất lượng buổi sinh hoạt',
  'Thông qua biên bản; thu đảng phí; bế mạc',
];

const TASKS: MinutesModel['tasks'] = [
  {
    member: 'Trần Thị Bích Ngọc',
    task: 'Chủ trì hỗ trợ các hộ còn lại hoàn thành định danh điện tử mức 2',
    deadline: '28/02/2026',
  },
  {
    member: 'Huỳnh Văn Lợi',
    task: 'Vận động hộ kinh doanh tuyến đường Trần Văn Khéo ký cam kết không lấn chiếm vỉa hè',
    deadline: '20/02/2026',
  },
  {
    member: 'Đặng Quốc Bảo',
    task: 'Phối hợp Ban điều hành khu vực ra quân tổng vệ sinh, khơi thông cống rãnh',
    deadline: '22/02/2026',
  },
  {
    member: 'Lâm Thị Thu Trang',
    task: 'Chỉ đạo Chi đoàn thực hiện công trình thắp sáng hẻm 45',
    deadline: '31/03/2026',
  },
  {
    member: 'Dương Văn Hùng',
    task: 'Niêm yết công khai bảng tổng hợp mức đóng đảng phí của từng đảng viên',
    deadline: '10/02/2026',
  },
  {
    member: 'Phạm Minh Tuấn',
    task: `Hoàn chỉnh hồ sơ đề nghị công nhận đảng viên chính thức cho đồng chí ${NEW_OFFICIAL}, trình Đảng ủy phường`,
    deadline: '12/02/2026',
  },
];

const VOTE =
  '16/16 đảng viên chính thức có mặt tán thành (100%); 0 không tán thành; 0 không biểu quyết. ' +
  'Nghị quyết được thông qua (cần trên một nửa: 9/16).';

const op = (speaker: string, text: string) => ({ speaker, text });

/** Every item of the agenda, in order: what was said on it ("Không có ý kiến." when nothing) and the conclusion. */
const DISCUSSION: MinutesModel['discussion'] = [
  { item: AGENDA[0] ?? '', opinions: [], conclusion: null },
  {
    item: AGENDA[1] ?? '',
    opinions: [],
    conclusion: 'Đảng viên nghiên cứu, tuyên truyền đến gia đình và Nhân dân nơi cư trú.',
  },
  {
    item: AGENDA[2] ?? '',
    opinions: [],
    conclusion:
      'Đảng viên nghiên cứu Chỉ thị số 50-CT/TW ngày 23/7/2025 và Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025 về ' +
      'nâng cao chất lượng sinh hoạt chi bộ; chi ủy cụ thể hóa vào kế hoạch sinh hoạt năm 2026.',
  },
  {
    item: AGENDA[3] ?? '',
    opinions: [],
    conclusion:
      'Tháng 01 năm 2026 chi bộ hoàn thành 9/10 chỉ tiêu nghị quyết (90%); chỉ tiêu định danh điện tử mức 2 ' +
      'mới đạt 92% số hộ, chuyển sang tháng 02.',
  },
  {
    item: AGENDA[4] ?? '',
    opinions: [
      op(
        'Trần Thị Bích Ngọc',
        'Thống nhất với báo cáo; đề nghị phân công đảng viên hỗ trợ các hộ người cao tuổi hoàn thành định danh ' +
          'điện tử mức 2.',
      ),
      op(
        'Huỳnh Văn Lợi',
        'Tình trạng lấn chiếm vỉa hè trên tuyến đường Trần Văn Khéo còn tái diễn; đề nghị phối hợp Công an ' +
          'phường vận động hộ kinh doanh ký cam kết.',
      ),
      op(
        'Võ Thị Kim Loan',
        'Chi hội Phụ nữ đã vận động 35 triệu đồng hỗ trợ 7 hộ nghèo, cận nghèo đón Tết; đề nghị tiếp tục ' +
          'chăm lo gia đình chính sách sau Tết.',
      ),
      op(
        'Đặng Quốc Bảo',
        'Đề nghị đưa vào nghị quyết nhiệm vụ ra quân tổng vệ sinh, khơi thông cống rãnh trước mùa mưa.',
      ),
      op(
        'Dương Văn Hùng',
        'Đề nghị công khai mức đóng đảng phí của từng đảng viên theo Quy định 01-QĐ/TW tại buổi sinh hoạt.',
      ),
      op(
        'Lâm Thị Thu Trang',
        'Chi đoàn sẵn sàng nhận công trình thắp sáng hẻm 45; đề nghị giao đảng viên trẻ trực tiếp tham gia.',
      ),
      op(
        'Ngô Văn Tư',
        'Đề nghị tăng cường tuyên truyền phòng, chống cháy nổ tại các dãy nhà trọ, nhất là sạc xe điện.',
      ),
    ],
    conclusion:
      'Chi bộ tiếp thu, bổ sung vào dự thảo nghị quyết: hoàn thành định danh điện tử mức 2 trước ngày ' +
      '28/02/2026; ra quân tổng vệ sinh ngày 22/02/2026; chi đoàn chủ trì công trình thắp sáng hẻm 45.',
  },
  {
    item: AGENDA[5] ?? '',
    opinions: [
      op(
        NEW_OFFICIAL,
        'Đọc bản tự kiểm điểm trong thời gian dự bị: chấp hành tốt chủ trương của Đảng, pháp luật của Nhà ' +
          'nước, sinh hoạt đầy đủ; hạn chế là kỹ năng vận động quần chúng còn ít kinh nghiệm.',
      ),
      op(
        'Phạm Minh Tuấn',
        'Là đảng viên được phân công giúp đỡ, nhận xét đồng chí Thúy có lập trường vững vàng, hoàn thành tốt ' +
          'nhiệm vụ, gương mẫu nơi cư trú; đề nghị công nhận đảng viên chính thức.',
      ),
      op(
        'Châu Ngọc Diễm',
        'Thay mặt Chi hội Phụ nữ, nhận xét đồng chí Thúy tích cực tham gia phong trào, được quần chúng tín ' +
          'nhiệm; thống nhất đề nghị công nhận.',
      ),
    ],
    conclusion: `Đồng chí ${NEW_OFFICIAL} đủ tư cách đảng viên chính thức; chi bộ biểu quyết, kết quả ghi tại mục Công tác đảng viên.`,
  },
  {
    item: AGENDA[6] ?? '',
    opinions: [
      op(
        'Trần Thị Bích Ngọc',
        'Tự phê bình: có lúc chưa đôn đốc kịp thời đảng viên được phân công ở tổ nhân dân số 5; hứa khắc phục.',
      ),
      op(
        'Huỳnh Văn Lợi',
        'Tự phê bình: tháng 01 còn chậm nộp đảng phí, chưa tham gia buổi ra quân vệ sinh môi trường.',
      ),
      op(
        'Dương Văn Hùng',
        'Góp ý đồng chí Lợi sắp xếp công việc để tham gia đầy đủ hoạt động của khu vực; ghi nhận tinh thần ' +
          'tự phê bình thẳng thắn.',
      ),
    ],
    conclusion:
      'Các đồng chí tự phê bình thẳng thắn, cầu thị; khắc phục trong tháng 02 và báo cáo tại kỳ sinh hoạt tới.',
  },
  {
    item: AGENDA[7] ?? '',
    opinions: [
      op(
        GUEST,
        'Buổi sinh hoạt đúng trình tự, nhiều đảng viên phát biểu, nội dung sát tình hình khu vực; đề nghị chi bộ ' +
          'tập trung chỉnh trang đô thị, chuyển đổi số và chăm lo đời sống Nhân dân sau Tết.',
      ),
    ],
    conclusion: 'Chi bộ tiếp thu ý kiến chỉ đạo và đưa vào nghị quyết tháng 02 năm 2026.',
  },
  {
    item: AGENDA[8] ?? '',
    opinions: [],
    conclusion:
      'Chủ trì kết luận các nội dung đã thống nhất; chi bộ biểu quyết thông qua nghị quyết và tự đánh giá ' +
      'chất lượng buổi sinh hoạt theo thang điểm 100 của Đảng ủy phường.',
  },
  {
    item: AGENDA[9] ?? '',
    opinions: [],
    conclusion: 'Chi bộ thu đảng phí tháng 02 năm 2026 đạt 100%.',
  },
];

/** The minutes of the model meeting, adopted, with one dated addendum. */
export function sampleMinutesModel(): MinutesModel {
  return {
    header: { ...HEADER, number: 'Số 05-BB/CB' },
    title: 'BIÊN BẢN',
    subtitle: 'Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026 (sinh hoạt mẫu)',
    startedAt: '08 giờ 00 phút, ngày 05/02/2026',
    endedAt: '10 giờ 10 phút, ngày 05/02/2026',
    place: 'Hội trường Nhà văn hóa khu vực 3, phường Ninh Kiều, thành phố Cần Thơ',
    chair: { name: CHAIR, role: 'Bí thư Chi bộ' },
    secretary: { name: MINUTE_TAKER, role: 'Đảng viên' },
    guests: [
      { name: GUEST, role: 'Đảng ủy viên, Phó Chủ tịch Ủy ban nhân dân phường, phụ trách Chi bộ' },
      { name: 'Lê Hoàng Nam', role: 'Phó Trưởng Ban Xây dựng Đảng Đảng ủy phường' },
    ],
    rollCall: {
      total: 17,
      official: 16,
      probationary: 1,
      attachedElsewhere: [],
      attachedHere: [],
      exempt: 0,
      present: 17,
      presentOfficial: 16,
      presentProbationary: 1,
      presentAttachedHere: 0,
      absentExcused: [],
      absentUnexcused: [],
      absentReasonNotAccepted: [],
    },
    agenda: [...AGENDA],
    discussion: DISCUSSION.map((entry) => ({ ...entry, opinions: entry.opinions.map((o) => ({ ...o })) })),
    tasks: TASKS.map((task) => ({ ...task })),
    personnel: [
      {
        text: `Xét công nhận đảng viên chính thức đối với đồng chí ${NEW_OFFICIAL} (kết nạp ngày 20/01/2025, hết thời gian dự bị ngày 20/01/2026)`,
        result:
          '16/16 đảng viên chính thức có mặt biểu quyết tán thành (100%), đạt trên 2/3 theo quy định; chi bộ ' +
          'đề nghị Đảng ủy phường ra quyết định công nhận đảng viên chính thức.',
      },
    ],
    resolution: {
      text:
        'Chi bộ thống nhất thông qua Nghị quyết số 05-NQ/CB lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026: hoàn ' +
        'thành định danh điện tử mức 2 cho 100% hộ gia đình; ra quân tổng vệ sinh môi trường; vận động 100% hộ ' +
        'kinh doanh tuyến đường Trần Văn Khéo ký cam kết không lấn chiếm vỉa hè; chăm lo gia đình chính sách, ' +
        'hộ nghèo, cận nghèo sau Tết; thu đảng phí đạt 100%.',
      vote: VOTE,
    },
    score: { total: 98, max: 100, level: 'good', criteria: CRITERIA.map((c) => ({ ...c })) },
    levelText: 'Tốt',
    closing: 'Buổi sinh hoạt kết thúc lúc 10 giờ 10 phút cùng ngày.',
    // The 16 official members present voted; the probationary member does not (Điều lệ Đảng, Điều 5).
    adoption:
      'Biên bản đã được đọc lại trước chi bộ và được 16/16 đồng chí đảng viên chính thức dự họp tán thành ' +
      'thông qua.',
    signatures: {
      left: { title: 'NGƯỜI GHI BIÊN BẢN', name: MINUTE_TAKER },
      right: { title: 'CHỦ TRÌ', name: CHAIR },
    },
    addenda: [
      {
        date: '10/02/2026',
        text:
          'Đính chính mục Phân công nhiệm vụ: thời hạn niêm yết bảng tổng hợp mức đóng đảng phí của đồng chí ' +
          'Dương Văn Hùng là ngày 12/02/2026, không phải ngày 10/02/2026 như đã ghi.',
      },
    ],
  };
}

/**
 * The resolution the model meeting passed: the grounds, "QUYẾT NGHỊ:", numbered points, the tasks, the
 * vote once at the end, signed by the cell's bí thư (who also chaired) under "T/M CHI BỘ".
 */
export function sampleResolutionModel(): ResolutionModel {
  return {
    header: { ...HEADER, number: 'Số 05-NQ/CB' },
    title: 'NGHỊ QUYẾT',
    subtitle: 'về lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026',
    grounds: [
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      '- Căn cứ Quy chế làm việc của Chi bộ Khu vực 3 nhiệm kỳ 2025–2030;',
      '- Căn cứ kết quả sinh hoạt chi bộ mẫu tháng 02 năm 2026 ngày 05/02/2026,',
    ],
    decision: 'CHI BỘ KHU VỰC 3 QUYẾT NGHỊ:',
    points: [
      {
        text: 'Đánh giá kết quả thực hiện nhiệm vụ tháng 01 năm 2026:',
        details: [
          '- Chi bộ hoàn thành 9/10 chỉ tiêu nghị quyết (90%). Các hộ nghèo, cận nghèo và gia đình chính sách ' +
            'được thăm hỏi, tặng quà đón Tết; an ninh trật tự trên địa bàn được giữ vững.',
          '- Hạn chế: chỉ tiêu định danh điện tử mức 2 mới đạt 92% số hộ; tình trạng lấn chiếm vỉa hè trên ' +
            'tuyến đường Trần Văn Khéo còn tái diễn.',
        ],
      },
      {
        text: 'Nhiệm vụ, giải pháp tháng 02 năm 2026:',
        details: [
          '- Hoàn thành định danh điện tử mức 2 cho 100% hộ gia đình trong khu vực trước ngày 28/02/2026.',
          '- Ra quân tổng vệ sinh môi trường, khơi thông cống rãnh vào ngày 22/02/2026.',
          '- Vận động 100% hộ kinh doanh tuyến đường Trần Văn Khéo ký cam kết không lấn chiếm vỉa hè.',
          '- Tiếp tục chăm lo gia đình chính sách, hộ nghèo, cận nghèo; tuyên truyền phòng, chống cháy nổ.',
          '- Thu đảng phí đạt 100%; công khai mức đóng đảng phí của từng đảng viên.',
        ],
      },
      {
        text:
          'Chi ủy cụ thể hóa nghị quyết, phân công đảng viên phụ trách từng nhiệm vụ; đảng viên được phân ' +
          'công báo cáo kết quả tại kỳ sinh hoạt tháng 03 năm 2026.',
        details: [],
      },
    ],
    tasks: TASKS.map((task) => ({ ...task })),
    adoption:
      'Nghị quyết được 16/16 đồng chí tán thành (100%), 0 đồng chí không tán thành, 0 đồng chí không biểu quyết.',
    signature: { onBehalf: 'T/M CHI BỘ', title: 'BÍ THƯ', name: CHAIR },
    recipients: [
      'Đảng ủy phường Ninh Kiều (để báo cáo)',
      'Đồng chí đảng ủy viên phụ trách chi bộ',
      'Các đảng viên trong chi bộ',
      'Lưu chi bộ',
    ],
  };
}
