import { DEFAULT_RECOMMENDATION_RULES } from '../recommendations/types.ts';
import type { RuleSetContent } from '../rule-set-content.ts';
import { DEFAULT_SUPERVISION_RULES } from '../supervision/types.ts';
import type { AgendaTemplateItem, Bilingual, Criterion } from './types.ts';

/**
 * The default rule set of domain.md §3 (HD 12-HD/BTCTW 2018, Chỉ thị 50-CT/TW 2025, and the 100-point
 * ward score sheet under HD 42-HD/BTCTW 2025). Provinces replace any of it with their own dated rule set;
 * this is only what a new installation starts from, so it is data, never read as constants by the rules.
 */

const t = (vi: string, en: string): Bilingual => ({ vi, en });
const opening = (vi: string, en: string): AgendaTemplateItem => ({ title: t(vi, en), section: 'opening' });
const content = (vi: string, en: string): AgendaTemplateItem => ({ title: t(vi, en), section: 'content' });
const closing = (vi: string, en: string): AgendaTemplateItem => ({ title: t(vi, en), section: 'closing' });

const OPENING_PURPOSE = opening(
  'Tuyên bố lý do, giới thiệu đại biểu',
  'Opening: purpose of the meeting, introduction of guests',
);
const OPENING_SECRETARY = opening('Cử thư ký cuộc họp', 'Appointment of the secretary of the meeting');
const OPENING_ROLL_CALL = opening(
  'Điểm danh: tổng số đảng viên, có mặt, vắng mặt có lý do, không có lý do',
  'Roll call: members in total, present, absent with and without reason',
);
const SUPERIOR_SPEAKS = content(
  'Phát biểu của đồng chí cấp ủy cấp trên dự sinh hoạt',
  'The superior committee member speaks',
);
const QUALITY_RATING = closing(
  'Đánh giá, xếp loại chất lượng buổi sinh hoạt',
  'Quality rating of the meeting',
);
const MINUTES_ADOPTED = closing(
  'Thư ký đọc biên bản, hội nghị thông qua biên bản',
  'The secretary reads the minutes; the meeting adopts them',
);
const CLOSE = closing('Bế mạc', 'Close');

const REGULAR_AGENDA: AgendaTemplateItem[] = [
  OPENING_PURPOSE,
  OPENING_SECRETARY,
  OPENING_ROLL_CALL,
  content('Thông tin thời sự, chủ trương, chính sách mới', 'Current affairs and new policies'),
  content('Phổ biến, quán triệt văn bản của cấp trên', 'Superior documents to disseminate'),
  content(
    'Báo cáo kết quả thực hiện nhiệm vụ tháng trước, phương hướng nhiệm vụ tháng tới',
    "Report on last month's results and next month's tasks",
  ),
  content(
    'Kiểm điểm việc thực hiện nhiệm vụ được phân công của đảng viên',
    "Evaluation of members' assigned tasks",
  ),
  content('Thảo luận', 'Discussion'),
  content('Tự phê bình và phê bình', 'Self-criticism and criticism'),
  SUPERIOR_SPEAKS,
  closing('Chủ trì kết luận', 'Conclusion by the chair'),
  closing(
    'Phân công nhiệm vụ cho đảng viên, thời hạn thực hiện',
    'Tasks assigned to members, with deadlines',
  ),
  closing('Trả lời kiến nghị của đảng viên', "Answers to members' recommendations"),
  closing('Biểu quyết thông qua nghị quyết', 'Vote on the resolution'),
  closing(
    'Công tác nhân sự (công nhận đảng viên chính thức, kết nạp, miễn sinh hoạt)',
    'Personnel (recognition as official member, admission, exemptions)',
  ),
  QUALITY_RATING,
  MINUTES_ADOPTED,
  closing('Thu đảng phí', 'Dues collection'),
  CLOSE,
];

// A thematic meeting studies one topic from a member's prepared paper (domain.md §6) instead of the
// monthly report; it still ends with a thematic resolution, a rating and adopted minutes.
const THEMATIC_AGENDA: AgendaTemplateItem[] = [
  OPENING_PURPOSE,
  OPENING_SECRETARY,
  OPENING_ROLL_CALL,
  content('Trình bày chuyên đề (tham luận)', 'Presentation of the topic paper'),
  content('Thảo luận chuyên đề', 'Discussion of the topic'),
  content(
    'Liên hệ thực tiễn, đề xuất giải pháp thực hiện',
    'Relating the topic to the cell’s work; proposed measures',
  ),
  SUPERIOR_SPEAKS,
  closing('Chủ trì kết luận chuyên đề', 'Conclusion of the topic by the chair'),
  closing('Biểu quyết thông qua nghị quyết chuyên đề', 'Vote on the thematic resolution'),
  QUALITY_RATING,
  MINUTES_ADOPTED,
  CLOSE,
];

// The cell committee meets first to agree the content, the draft resolution and who prepares what.
const CELL_COMMITTEE_AGENDA: AgendaTemplateItem[] = [
  opening('Khai mạc, điểm danh chi ủy viên', 'Opening, roll call of the cell committee'),
  content('Đánh giá kết quả thực hiện nghị quyết tháng trước', "Review of the previous resolution's results"),
  content('Thống nhất nội dung sinh hoạt chi bộ', 'Agreeing the content of the cell meeting'),
  content('Chuẩn bị dự thảo nghị quyết', 'Preparing the draft resolution'),
  content(
    'Phân công chuẩn bị: chủ trì, thư ký, tài liệu, thông báo đảng viên',
    'Assigning preparation: chair, secretary, materials, notice to members',
  ),
  content('Công tác nhân sự, đảng viên cần giúp đỡ', 'Personnel matters, members who need support'),
  closing('Kết luận', 'Conclusion'),
  closing('Thông qua biên bản', 'Minutes adopted'),
  CLOSE,
];

// A model meeting is a regular meeting run in full, watched by other cells' secretaries, who then
// draw lessons from it (the Cần Thơ seed example).
const MODEL_AGENDA: AgendaTemplateItem[] = [
  ...REGULAR_AGENDA.slice(0, -1),
  closing(
    'Đại biểu dự sinh hoạt mẫu trao đổi, rút kinh nghiệm',
    'Observers share comments and lessons learned',
  ),
  CLOSE,
];

// An extraordinary meeting handles one urgent matter; no monthly report, no quality rating.
const EXTRAORDINARY_AGENDA: AgendaTemplateItem[] = [
  OPENING_PURPOSE,
  OPENING_SECRETARY,
  OPENING_ROLL_CALL,
  content('Thông báo vấn đề cần giải quyết', 'The matter that calls for this meeting'),
  content('Thảo luận', 'Discussion'),
  closing('Chủ trì kết luận', 'Conclusion by the chair'),
  closing('Biểu quyết', 'Vote'),
  MINUTES_ADOPTED,
  CLOSE,
];

const DEFAULT_CRITERIA: Criterion[] = [
  {
    id: 'duration',
    group: 'duration',
    label: t('Thời gian', 'Duration'),
    max: 5,
    kind: 'auto',
    fact: 'durationPercent',
    // The first three options count minutes short of the minimum; the last two the share of it, so the
    // sheet reads the same for a 90- and a 120-minute minimum.
    options: [
      { label: t('đủ thời gian', 'full time'), points: 5, min: 100 },
      {
        label: t('thiếu không quá 15 phút', 'short by 15 minutes or less'),
        points: 4,
        fact: 'durationShortfallMinutes',
        below: 16,
      },
      {
        label: t('thiếu trên 15 đến 30 phút', 'short by 16 to 30 minutes'),
        points: 3,
        fact: 'durationShortfallMinutes',
        below: 31,
      },
      { label: t('từ một nửa thời gian trở lên', 'at least half the time'), points: 2, min: 50 },
      { label: t('dưới một nửa thời gian', 'under half the time'), points: 1, below: 50 },
    ],
  },
  {
    id: 'attendance_rate',
    group: 'attendance',
    label: t('Tỷ lệ dự họp', 'Attendance'),
    max: 4,
    kind: 'auto',
    fact: 'attendancePercent',
    capOnUnexcused: true,
    options: [
      { label: t('từ 90% trở lên', '90% or more'), points: 4, min: 90 },
      { label: t('từ 75% đến dưới 90%', '75% to under 90%'), points: 3, min: 75 },
      { label: t('từ 65% đến dưới 75%', '65% to under 75%'), points: 2, min: 65 },
      {
        label: t('dưới 65% hoặc có vắng không lý do', 'under 65% or any unexcused absence'),
        points: 1,
        below: 65,
      },
    ],
  },
  {
    id: 'no_long_absence',
    group: 'attendance',
    label: t('Không ai vắng quá 3 lần liên tiếp', 'Nobody absent more than 3 times in a row'),
    max: 1,
    kind: 'auto',
    fact: 'absentOverThreeInRow',
    options: [
      { label: t('không có', 'none'), points: 1, equals: false },
      {
        label: t('có đảng viên vắng quá 3 lần liên tiếp', 'a member absent over 3 times in a row'),
        points: 0,
        equals: true,
      },
    ],
  },
  {
    id: 'materials_early',
    group: 'preparation',
    label: t('Tài liệu gửi trước ít nhất 1 ngày', 'Materials published at least 1 day before'),
    max: 2,
    kind: 'auto',
    fact: 'materialsPublishedDayBefore',
    options: [
      { label: t('có', 'yes'), points: 2, equals: true },
      { label: t('không', 'no'), points: 0, equals: false },
    ],
  },
  {
    id: 'cell_committee_met',
    group: 'preparation',
    // HD 12-HD/BTCTW: the chi ủy meets first; in a cell without one, the bí thư and phó bí thư do.
    label: t(
      'Chi ủy (nơi không có chi ủy: bí thư, phó bí thư) họp chuẩn bị',
      'Cell committee (without one: secretary and deputy) met to prepare',
    ),
    max: 3,
    kind: 'auto',
    fact: 'cellCommitteeMetBefore',
    options: [
      { label: t('có', 'yes'), points: 3, equals: true },
      { label: t('không', 'no'), points: 0, equals: false },
    ],
  },
  manual('draft_resolution', 'preparation', t('Chuẩn bị dự thảo nghị quyết', 'Draft resolution prepared'), 3),
  manual(
    'secretary_prepared',
    'preparation',
    t('Bí thư trực tiếp chuẩn bị', 'The secretary prepared it personally'),
    2,
  ),
  {
    id: 'speaking_share',
    group: 'conduct',
    label: t('Đảng viên phát biểu', 'Members who spoke'),
    max: 5,
    kind: 'auto',
    fact: 'speakingPercent',
    options: [
      { label: t('trên 50% số có mặt', 'more than 50% of those present'), points: 5, above: 50 },
      { label: t('từ 40% đến 50%', '40% to 50%'), points: 4, min: 40 },
      { label: t('từ 30% đến dưới 40%', '30% to under 40%'), points: 3, min: 30 },
      { label: t('dưới 30%', 'under 30%'), points: 2, below: 30 },
    ],
  },
  manual('order_followed', 'conduct', t('Đúng trình tự sinh hoạt', 'Standard order followed'), 10),
  manual('content_quality', 'conduct', t('Nội dung sinh hoạt', 'Content of the meeting'), 10),
  manual('minutes_complete', 'conduct', t('Biên bản ghi đầy đủ', 'Minutes complete'), 5),
  manual('chairing', 'chairing', t('Điều hành của chủ trì', 'Chairing'), 10),
  manual('principles', 'principles', t('Giữ nguyên tắc sinh hoạt đảng', 'Party principles kept'), 5),
  {
    id: 'previous_resolution',
    group: 'results',
    label: t('Kết quả thực hiện nghị quyết kỳ trước', "Results of the previous resolution's tasks"),
    max: 30,
    kind: 'auto',
    fact: 'previousTasksDonePercent',
    options: [
      {
        label: t('không có nghị quyết kỳ trước, tính đủ điểm', 'no previous resolution, full points'),
        points: 30,
        whenMissing: true,
      },
      { label: t('đạt 90–100%', '90–100% done'), points: 30, min: 90 },
      { label: t('đạt 80% đến dưới 90%', '80% to under 90% done'), points: 27, min: 80 },
      { label: t('đạt 70% đến dưới 80%', '70% to under 80% done'), points: 24, min: 70 },
      { label: t('đạt 60% đến dưới 70%', '60% to under 70% done'), points: 20, min: 60 },
      { label: t('đạt 50% đến dưới 60%', '50% to under 60% done'), points: 15, min: 50 },
      { label: t('dưới 50%', 'under 50% done'), points: 10, below: 50 },
    ],
  },
  manual('closing', 'closing', t('Kết thúc sinh hoạt', 'Closing of the meeting'), 5),
];

/** A manual criterion, with the full and the zero mark as the form's suggestions. */
function manual(id: string, group: string, label: Bilingual, max: number): Criterion {
  return {
    id,
    group,
    label,
    max,
    kind: 'manual',
    options: [
      { label: t('đạt', 'met'), points: max },
      { label: t('không đạt', 'not met'), points: 0 },
    ],
  };
}

export const DEFAULT_RULE_SET: RuleSetContent = {
  meetingWindow: { fromDay: 3, toDay: 5 },
  defaultStartTime: '19:30',
  minDurationMinutes: { regular: 90, combined: 120, thematic: 90, other: 0 },
  thematicEveryMonths: 3,
  cellCommitteeFrom: 9,
  cellCommitteeDaysBefore: 2,
  thematicMode: 'combined',
  thematicDaysAfter: 7,
  unscoredAdoption: 'refuse',
  agendaTemplates: {
    regular: REGULAR_AGENDA,
    thematic: THEMATIC_AGENDA,
    cell_committee: CELL_COMMITTEE_AGENDA,
    extraordinary: EXTRAORDINARY_AGENDA,
    model: MODEL_AGENDA,
  },
  scoreSheet: {
    groups: [
      { id: 'duration', label: t('Thời gian sinh hoạt', 'Duration') },
      { id: 'attendance', label: t('Dự họp', 'Attendance') },
      { id: 'preparation', label: t('Chuẩn bị', 'Preparation') },
      { id: 'conduct', label: t('Tiến hành sinh hoạt', 'Conduct') },
      { id: 'chairing', label: t('Chủ trì điều hành', 'Chairing') },
      { id: 'principles', label: t('Nguyên tắc sinh hoạt', 'Principles') },
      { id: 'results', label: t('Kết quả thực hiện nghị quyết', 'Results of the last resolution') },
      { id: 'closing', label: t('Kết thúc', 'Closing') },
    ],
    criteria: DEFAULT_CRITERIA,
  },
  levels: {
    good: 90,
    fair: 70,
    average: 50,
    requiredAtMaxForGood: ['attendance_rate', 'duration', 'speaking_share', 'minutes_complete'],
  },
  supervision: DEFAULT_SUPERVISION_RULES,
  recommendations: DEFAULT_RECOMMENDATION_RULES,
};
