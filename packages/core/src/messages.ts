/** Server messages in both languages; the web shows them as they come. */
import { formatVietnameseDate } from './dates.ts';
import type { MeetingKind } from './meetings/types.ts';

export type Locale = 'vi' | 'en';

/** Human labels of fields, used to name the field in every validation error. */
export const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  displayName: { vi: 'Tên hiển thị', en: 'Display name' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  code: { vi: 'Mã tổ chức', en: 'Organisation code' },
  name: { vi: 'Tên tổ chức', en: 'Organisation name' },
  kind: { vi: 'Loại tổ chức', en: 'Kind' },
  category: { vi: 'Loại hình', en: 'Category' },
  parentCode: { vi: 'Tổ chức cấp trên', en: 'Parent organisation' },
  parent_code: { vi: 'Mã tổ chức cấp trên', en: 'Parent code' },
  intoCode: { vi: 'Sáp nhập vào', en: 'Merge into' },
  memberCode: { vi: 'Mã đảng viên', en: 'Member code' },
  member_code: { vi: 'Mã đảng viên', en: 'Member code' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  full_name: { vi: 'Họ và tên', en: 'Full name' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  birth_date: { vi: 'Ngày sinh', en: 'Date of birth' },
  orgCode: { vi: 'Chi bộ', en: 'Cell' },
  org_code: { vi: 'Mã chi bộ', en: 'Cell code' },
  toOrgCode: { vi: 'Chuyển đến chi bộ', en: 'Transfer to cell' },
  status: { vi: 'Trạng thái', en: 'Status' },
  admissionDate: { vi: 'Ngày vào Đảng', en: 'Admission date' },
  admission_date: { vi: 'Ngày vào Đảng', en: 'Admission date' },
  officialDate: { vi: 'Ngày chính thức', en: 'Official date' },
  official_date: { vi: 'Ngày chính thức', en: 'Official date' },
  position: { vi: 'Chức vụ', en: 'Position' },
  partyCardNo: { vi: 'Số thẻ đảng viên', en: 'Party card number' },
  party_card_no: { vi: 'Số thẻ đảng viên', en: 'Party card number' },
  exempt_from: { vi: 'Miễn sinh hoạt từ', en: 'Exempt from' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  date: { vi: 'Ngày', en: 'Date' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  reason: { vi: 'Lý do', en: 'Reason' },
  role: { vi: 'Vai trò', en: 'Role' },
  grants: { vi: 'Quyền', en: 'Grants' },
  citizenId: { vi: 'Số CCCD', en: 'Citizen ID' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  page: { vi: 'Trang', en: 'Page' },
  pageSize: { vi: 'Số dòng mỗi trang', en: 'Page size' },
  q: { vi: 'Từ khóa', en: 'Search' },
  file: { vi: 'Tệp', en: 'File' },
  locale: { vi: 'Ngôn ngữ', en: 'Language' },
  startTime: { vi: 'Giờ bắt đầu', en: 'Start time' },
  place: { vi: 'Địa điểm', en: 'Place' },
  agenda: { vi: 'Chương trình', en: 'Agenda' },
  agendaIndex: { vi: 'Nội dung', en: 'Agenda item' },
  summary: { vi: 'Ý kiến', en: 'Opinion' },
  text: { vi: 'Nội dung', en: 'Text' },
  deadline: { vi: 'Hạn', en: 'Deadline' },
  subject: { vi: 'Nội dung biểu quyết', en: 'Vote subject' },
  for: { vi: 'Tán thành', en: 'For' },
  against: { vi: 'Không tán thành', en: 'Against' },
  abstain: { vi: 'Không biểu quyết', en: 'Abstain' },
  effectiveFrom: { vi: 'Hiệu lực từ', en: 'Effective from' },
  content: { vi: 'Nội dung bộ quy tắc', en: 'Rule set content' },
  publishAt: { vi: 'Thời điểm công bố', en: 'Publish at' },
  guestName: { vi: 'Khách mời', en: 'Guest' },
  chairMemberCode: { vi: 'Chủ trì', en: 'Chair' },
  minuteTakerMemberCode: { vi: 'Thư ký', en: 'Minute-taker' },
  committeeCode: { vi: 'Cấp ủy', en: 'Committee' },
  documentNumber: { vi: 'Số văn bản', en: 'Document number' },
  documentTitle: { vi: 'Trích yếu văn bản', en: 'Document title' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Issued on' },
  passOnBy: { vi: 'Hạn phổ biến', en: 'Pass on by' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  topicId: { vi: 'Chuyên đề', en: 'Topic' },
  ownTitle: { vi: 'Tên chuyên đề của chi bộ', en: 'The cell’s own topic' },
  presenterCodes: { vi: 'Người chuẩn bị, trình bày', en: 'Presenters' },
  plannedDate: { vi: 'Ngày dự kiến', en: 'Planned date' },
  audience: { vi: 'Phạm vi phổ biến', en: 'Addressed to' },
  cellKinds: { vi: 'Loại chi bộ', en: 'Cell kinds' },
  cellCategories: { vi: 'Loại hình chi bộ', en: 'Cell categories' },
  presenterCode: { vi: 'Người phổ biến', en: 'Presented by' },
  committee: { vi: 'Cấp ủy', en: 'Committee' },
  period: { vi: 'Kỳ', en: 'Period' },
  year: { vi: 'Năm', en: 'Year' },
  score: { vi: 'Điểm', en: 'Score' },
  level: { vi: 'Mức xếp loại', en: 'Level' },
  periodKey: { vi: 'Kỳ', en: 'Period' },
  leaderAccountId: { vi: 'Tổ trưởng', en: 'Group leader' },
  memberAccountIds: { vi: 'Thành viên tổ', en: 'Group members' },
  accountId: { vi: 'Người được phân công', en: 'Assigned person' },
  groupId: { vi: 'Tổ công tác', en: 'Working group' },
  visitorAccountId: { vi: 'Người dự', en: 'Visitor' },
  meetingId: { vi: 'Cuộc họp', en: 'Meeting' },
  attended: { vi: 'Có dự', en: 'Attended' },
  absenceReason: { vi: 'Lý do không dự', en: 'Reason for not attending' },
  points: { vi: 'Điểm chấm', en: 'Scores' },
  contentNotes: { vi: 'Nhận xét nội dung', en: 'Notes on content' },
  opinionNotes: { vi: 'Ý kiến của đảng viên', en: "Members' opinions" },
  recommendations: { vi: 'Kiến nghị, đề xuất', en: 'Recommendations' },
  issuesForDirection: { vi: 'Vấn đề cần cấp ủy chỉ đạo', en: 'Issues for the committee' },
  unavailableDates: { vi: 'Ngày bận', en: 'Unavailable dates' },
  cancelReason: { vi: 'Lý do hủy', en: 'Reason for cancelling' },
  format: { vi: 'Định dạng', en: 'Format' },
  forwardTo: { vi: 'Chuyển đến cấp', en: 'Forward to' },
  outsideBody: { vi: 'Cơ quan ngoài Đảng', en: 'Outside body' },
  answer: { vi: 'Nội dung trả lời', en: 'Answer' },
  intoId: { vi: 'Gộp vào kiến nghị', en: 'Merge into' },
  raisedBy: { vi: 'Người nêu', en: 'Raised by' },
  raisedOn: { vi: 'Ngày nêu', en: 'Raised on' },
  given: { vi: 'Đã thông báo trả lời', en: 'Answer given' },
  note: { vi: 'Ghi chú', en: 'Note' },
  manualScores: { vi: 'Điểm chấm của chi bộ', en: 'Cell’s own scores' },
  confirmUnscored: { vi: 'Xác nhận thông qua khi chưa chấm đủ', en: 'Confirm adoption while unscored' },
  confirmEarly: {
    vi: 'Xác nhận xét công nhận trước khi hết 12 tháng dự bị',
    en: 'Confirm recognition before the twelve months of probation end',
  },
  bodyName: { vi: 'Tên cấp ủy', en: 'Leading body' },
  symbol: { vi: 'Ký hiệu trên văn bản', en: 'Document symbol' },
  placeName: { vi: 'Địa danh ghi ngày tháng', en: 'Place in the date line' },
  onBehalf: { vi: 'Thẩm quyền ký (T/M)', en: 'Signs on behalf of' },
  assessment: { vi: 'Đánh giá chung', en: 'Overall assessment' },
  shortcomings: { vi: 'Hạn chế, nguyên nhân', en: 'Shortcomings and causes' },
  directions: { vi: 'Phương hướng, nhiệm vụ kỳ tới', en: 'Directions for the next period' },
  proposals: { vi: 'Kiến nghị, đề xuất', en: 'Proposals' },
  signerName: { vi: 'Người ký', en: 'Signer' },
  signerTitle: { vi: 'Chức vụ người ký', en: "Signer's title" },
  words: { vi: 'Nội dung báo cáo', en: 'Report text' },
  // The parts of a rule set, named in its refusals (`content.meetingWindow.toDay`).
  meetingWindow: { vi: 'Ngày họp thường kỳ trong tháng', en: 'Regular meeting days' },
  fromDay: { vi: 'Từ ngày', en: 'From day' },
  toDay: { vi: 'Đến ngày', en: 'To day' },
  defaultStartTime: { vi: 'Giờ họp mặc định', en: 'Default start time' },
  minDurationMinutes: { vi: 'Thời lượng tối thiểu', en: 'Minimum duration' },
  thematicEveryMonths: { vi: 'Chu kỳ sinh hoạt chuyên đề', en: 'Thematic meetings every' },
  cellCommitteeFrom: { vi: 'Bầu chi ủy khi có từ', en: 'Cell committee from' },
  cellCommitteeDaysBefore: { vi: 'Chi ủy họp trước', en: 'Cell committee meets before' },
  agendaTemplates: { vi: 'Chương trình mẫu', en: 'Agenda templates' },
  scoreSheet: { vi: 'Phiếu chấm điểm', en: 'Score sheet' },
  criteria: { vi: 'Tiêu chí chấm điểm', en: 'Criteria' },
  levels: { vi: 'Xếp loại', en: 'Levels' },
  requiredAtMaxForGood: { vi: 'Xếp loại Tốt cần đạt tối đa', en: 'Required at full marks for Good' },
  thematicMode: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meetings' },
  thematicDaysAfter: { vi: 'Họp chuyên đề sau họp thường kỳ', en: 'Thematic meeting after the regular one' },
  unscoredAdoption: { vi: 'Thông qua khi chưa chấm đủ', en: 'Adoption while unscored' },
  at: { vi: 'Thời điểm', en: 'Time' },
  columns: { vi: 'Ghép cột', en: 'Column mapping' },
  memberCodes: { vi: 'Đảng viên', en: 'Members' },
  // Dues (issue 16, QĐ 01-QĐ/TW).
  amountVnd: { vi: 'Số tiền làm căn cứ (đồng)', en: 'Basis amount (VND)' },
  paidVnd: { vi: 'Số tiền đã đóng (đồng)', en: 'Amount paid (VND)' },
  paidOn: { vi: 'Ngày đóng', en: 'Paid on' },
  channel: { vi: 'Hình thức đóng', en: 'Channel' },
  percent: { vi: 'Mức giảm (%)', en: 'Reduction (%)' },
  fromMonth: { vi: 'Từ tháng', en: 'From month' },
  untilMonth: { vi: 'Đến tháng', en: 'Until month' },
  reliefKind: { vi: 'Hình thức miễn, giảm', en: 'Relief' },
  entries: { vi: 'Các khoản đóng', en: 'Payments' },
  month: { vi: 'Tháng', en: 'Month' },
};

/** Words for the short codes used as messages of the schemas' own checks (refinements). */
export const CHECK_MESSAGES: Record<string, { vi: string; en: string }> = {
  code: { vi: 'chỉ gồm chữ không dấu, chữ số và . _ -', en: 'only unaccented letters, digits and . _ -' },
  symbol: {
    vi: 'ký hiệu gồm chữ in hoa (có thể có dấu, như ĐU), chữ số và -',
    en: 'a symbol of capital letters (accents allowed, as in ĐU), digits and -',
  },
  time: { vi: 'giờ theo dạng HH:MM, ví dụ 19:30', en: 'a time as HH:MM, e.g. 19:30' },
  month: { vi: 'tháng theo dạng NNNN-TT, ví dụ 2026-12', en: 'a month as YYYY-MM, e.g. 2026-12' },
  reason: { vi: 'cần nêu lý do vắng mặt', en: 'give the reason for the absence' },
  speaker: {
    vi: 'chọn một người phát biểu: đảng viên hoặc khách mời',
    en: 'choose one speaker: a member or a guest',
  },
  to: {
    vi: 'ngày kết thúc phải từ ngày bắt đầu trở đi',
    en: 'the end date must not be before the start date',
  },
  personOrGroup: { vi: 'chọn một người hoặc một tổ công tác', en: 'choose a person or a working group' },
  bothDates: {
    vi: 'nhập cả ngày bắt đầu và ngày kết thúc, hoặc bỏ trống cả hai (phân công thường xuyên)',
    en: 'give both dates, or neither for a standing assignment',
  },
  absenceReason: { vi: 'cần nêu lý do không dự được', en: 'give the reason for not attending' },
  topicOrOwn: {
    vi: 'chọn một chuyên đề của cấp ủy hoặc nêu chuyên đề riêng của chi bộ (chỉ một trong hai)',
    en: "choose one of the committee's topics or give the cell's own topic (one of the two)",
  },
  plannedDate: {
    vi: 'ngày dự kiến phải nằm trong quý đã đăng ký',
    en: 'the planned date must fall within the registered quarter',
  },
  passOnBy: {
    vi: 'hạn phổ biến không được trước ngày ban hành',
    en: 'the pass-on-by date must not be before the issue date',
  },
  chooseCells: {
    vi: 'chọn ít nhất một loại chi bộ hoặc loại hình chi bộ',
    en: 'choose at least one cell kind or cell category',
  },
  period: {
    vi: 'kỳ viết dạng 2027-Q1 (quý), 2027-M01 (tháng), 2027-H1 (6 tháng) hoặc 2027 (năm)',
    en: 'a period such as 2027-Q1 (quarter), 2027-M01 (month), 2027-H1 (half year) or 2027',
  },
  category: {
    vi: 'mã lĩnh vực gồm chữ thường không dấu, chữ số và _',
    en: 'a category id: lower-case letters, digits, _',
  },
  forwardTo: {
    vi: 'chọn một nơi nhận: một cấp ủy, hoặc một cơ quan ngoài Đảng',
    en: 'choose one recipient: a committee, or an outside body',
  },
  // The rule-set schema (meetings/rule-sets.ts) words its checks in English; these keys are its words.
  'criterion id: lower-case ASCII, digits, _': {
    vi: 'mã tiêu chí gồm chữ thường không dấu, chữ số và _',
    en: 'a criterion id: lower-case letters, digits, _',
  },
  'window ends before it starts': {
    vi: 'ngày kết thúc của kỳ họp phải từ ngày bắt đầu trở đi',
    en: 'the meeting window must not end before it starts',
  },
  'levels must fall strictly: good > fair > average': {
    vi: 'mức điểm xếp loại phải giảm dần: Tốt > Khá > Trung bình',
    en: 'the levels must fall: good > fair > average',
  },
  'start time: HH:MM': { vi: 'giờ theo dạng HH:MM, ví dụ 19:30', en: 'a time as HH:MM, e.g. 19:30' },
  'thematic period: 1, 2, 3, 4, 6 or 12 months': {
    vi: 'sinh hoạt chuyên đề 1, 2, 3, 4, 6 hoặc 12 tháng một lần',
    en: 'a thematic meeting every 1, 2, 3, 4, 6 or 12 months',
  },
  // Party dues (dues/rows.ts, dues/schemas.ts, QĐ 01-QĐ/TW).
  paid: {
    vi: 'số tiền nộp phải khác 0 và trong giới hạn cho phép',
    en: 'the amount must not be 0 and within the limit',
  },
  date: { vi: 'ngày không hợp lệ (ngày/tháng/năm)', en: 'not a valid date (day/month/year)' },
  reduction_percent: { vi: 'mức giảm không có trong quy định', en: 'a reduction the rules do not list' },
  'a remittance level appears twice': {
    vi: 'một cấp được ghi hai lần trong tỷ lệ trích giữ lại',
    en: 'a level appears twice in the remittance shares',
  },
  'the share must lie within its range': {
    vi: 'tỷ lệ giữ lại phải nằm trong khoảng cho phép',
    en: 'the share kept must lie within its range',
  },
  // The rating rules (ratings/schemas.ts, QĐ 366-QĐ/TW).
  'rating sheet total 100': {
    vi: 'tổng điểm các nhóm tiêu chí đánh giá, xếp loại phải bằng 100',
    en: 'the groups of the rating sheet must total 100 points',
  },
  'rating levels: excellent > good > completed > 0': {
    vi: 'mức điểm xếp loại phải giảm dần: Hoàn thành xuất sắc > Hoàn thành tốt > Hoàn thành > 0',
    en: 'the rating levels must fall: excellent > good > completed > 0',
  },
  'four-good criterion: measure or manual': {
    vi: 'mỗi tiêu chí "Chi bộ bốn tốt" cần cách đo từ dữ liệu hoặc do cấp ủy xác nhận',
    en: "each four-good criterion needs a measure or the committee's confirmation",
  },
  'four-good criteria ids unique': {
    vi: 'mã các tiêu chí "Chi bộ bốn tốt" không được trùng nhau',
    en: 'the four-good criteria must have distinct ids',
  },
  sessionInQuarter: {
    vi: 'ngày hội nghị phải trong quý đã chọn',
    en: 'the session day must fall in the quarter',
  },
  cellOncePerSession: {
    vi: 'mỗi chi bộ chỉ được phân công một tham luận',
    en: 'each cell is assigned one paper only',
  },
};

/**
 * Label of a field path such as `grants.0.role` or `body.fullName`: the innermost part that has one
 * (`content.scoreSheet.criteria.2.max` → "Tiêu chí chấm điểm"), else the last part as it is.
 */
export function fieldLabel(path: string, locale: Locale): string {
  const parts = path
    .split('.')
    .filter((p) => !/^\d+$/.test(p) && !['body', 'querystring', 'params'].includes(p));
  const labelled = parts.findLast((p) => FIELD_LABELS[p]);
  if (labelled) return FIELD_LABELS[labelled]?.[locale] ?? labelled;
  return parts[parts.length - 1] ?? path;
}

const MESSAGES = {
  unauthenticated: { vi: 'Bạn cần đăng nhập.', en: 'Please sign in.' },
  bad_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  locked: {
    vi: 'Đăng nhập sai nhiều lần nên tạm khóa đăng nhập tài khoản này từ máy này. Thử lại sau {minutes} phút.',
    en: 'Too many failed sign-ins to this account from this address. Try again in {minutes} minutes.',
  },
  throttled: {
    vi: 'Quá nhiều lần đăng nhập sai từ máy này. Thử lại sau {minutes} phút.',
    en: 'Too many failed sign-ins from this address. Try again in {minutes} minutes.',
  },
  csrf: {
    vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.',
    en: 'Missing or wrong anti-forgery token. Reload the page.',
  },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  not_found: { vi: 'Không tìm thấy {entity}.', en: '{entity} not found.' },
  validation: { vi: 'Dữ liệu không hợp lệ: {detail}', en: 'Invalid input: {detail}' },
  conflict: { vi: '{detail}', en: '{detail}' },
  internal: { vi: 'Lỗi hệ thống. Vui lòng thử lại.', en: 'Server error. Please try again.' },
} as const;
export type MessageCode = keyof typeof MESSAGES;
/** Every message code, for the tests that walk them all. */
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

/** Fills `{name}` placeholders of a message in the chosen language. */
export function message(
  code: MessageCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Names of entities for "not found" messages. */
export const ENTITY_LABELS: Record<string, { vi: string; en: string }> = {
  org: { vi: 'tổ chức', en: 'Organisation' },
  member: { vi: 'đảng viên', en: 'Member' },
  account: { vi: 'tài khoản', en: 'Account' },
  import: { vi: 'lượt nhập dữ liệu', en: 'Import' },
  route: { vi: 'đường dẫn', en: 'Route' },
  meeting: { vi: 'cuộc họp', en: 'Meeting' },
  material: { vi: 'tài liệu', en: 'Material' },
  task: { vi: 'nhiệm vụ', en: 'Task' },
  opinion: { vi: 'ý kiến', en: 'Opinion' },
  guest: { vi: 'khách mời', en: 'Guest' },
  vote: { vi: 'kết quả biểu quyết', en: 'Vote' },
  rule_set: { vi: 'bộ quy tắc', en: 'Rule set' },
  notification: { vi: 'thông báo', en: 'Notification' },
  working_group: { vi: 'tổ công tác', en: 'Working group' },
  assignment: { vi: 'phân công', en: 'Assignment' },
  visit_plan: { vi: 'kế hoạch dự sinh hoạt', en: 'Visit plan' },
  visit: { vi: 'lượt dự sinh hoạt', en: 'Visit' },
  recommendation: { vi: 'kiến nghị', en: 'Recommendation' },
  rating: { vi: 'kết quả xếp loại', en: 'Rating' },
  pass_on_document: { vi: 'văn bản cần phổ biến', en: 'Document to pass on' },
  thematic_topic: { vi: 'chuyên đề', en: 'Thematic topic' },
  thematic_registration: { vi: 'đăng ký chuyên đề', en: 'Thematic registration' },
  thematic_session: { vi: 'hội nghị chuyên đề', en: 'Thematic session' },
  attachment: { vi: 'tệp đính kèm', en: 'Attachment' },
};

const MEETING_WORDS: Record<MeetingKind, { vi: string; en: string }> = {
  regular: { vi: 'cuộc họp thường kỳ', en: 'regular meeting' },
  thematic: { vi: 'cuộc họp chuyên đề', en: 'thematic meeting' },
  cell_committee: { vi: 'cuộc họp chi ủy', en: 'cell committee meeting' },
  extraordinary: { vi: 'cuộc họp bất thường', en: 'extraordinary meeting' },
  model: { vi: 'cuộc họp mẫu', en: 'model meeting' },
};
/** The preparation meeting of a cell without a chi ủy (HD 12-HD/BTCTW (06/7/2018); HD 42-HD/BTCTW). */
const SECRETARIES_MEETING_WORDS = {
  vi: 'cuộc họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ',
  en: "secretary and deputy's preparation meeting",
};

/**
 * How a message names a meeting — by what people know, never by its id: "cuộc họp thường kỳ ngày
 * 05/12/2026 của Chi bộ thôn Thượng Hội", "the regular meeting of Chi bộ thôn Thượng Hội on 05/12/2026".
 */
export function meetingName(meeting: {
  kind: MeetingKind;
  date: string;
  orgName: string;
  combined?: boolean;
  /** The cell has a chi ủy (`hasCellCommittee`); without one, its preparation meeting is the secretaries'. */
  hasCommittee?: boolean;
}): { vi: string; en: string } {
  const words =
    meeting.kind === 'cell_committee' && meeting.hasCommittee === false
      ? SECRETARIES_MEETING_WORDS
      : MEETING_WORDS[meeting.kind];
  const both = meeting.combined && meeting.kind === 'regular';
  const vi = both ? `${words.vi} kết hợp chuyên đề` : words.vi;
  const en = both ? 'regular and thematic meeting' : words.en;
  const date = formatVietnameseDate(meeting.date);
  return {
    vi: `${vi} ngày ${date} của ${meeting.orgName}`,
    en: `the ${en} of ${meeting.orgName} on ${date}`,
  };
}
