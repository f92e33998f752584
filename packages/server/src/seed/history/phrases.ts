/**
 * What members say, decide and are asked to do in the demo's meetings: short texts in the register of real
 * minutes, picked by agenda item. `{thang}` is the month ("tháng 11"), `{toi}` the next one.
 */

/** Opinions by the kind of agenda item they answer. */
export const OPINIONS: Record<string, readonly string[]> = {
  news: [
    'Đề nghị chi bộ thông tin thêm về chính sách hỗ trợ người dân khi thực hiện sắp xếp đơn vị hành chính.',
    'Thống nhất với nội dung thông tin thời sự; đề nghị phổ biến rộng rãi đến các hộ gia đình qua loa truyền thanh.',
    'Quan tâm đến việc triển khai dịch vụ công trực tuyến ở xã, đề nghị hướng dẫn cho người cao tuổi.',
    'Đề nghị chi bộ thông tin về kế hoạch chuyển đổi số và cài đặt ứng dụng Sổ tay đảng viên điện tử.',
  ],
  documents: [
    'Nghị quyết của cấp trên đã rõ; đề nghị chi bộ cụ thể hóa thành các việc làm cụ thể ở khu dân cư.',
    'Đề nghị in tài liệu học tập nghị quyết cho đảng viên cao tuổi không sử dụng điện thoại thông minh.',
    'Thống nhất cao với nội dung văn bản cấp trên; đề nghị mỗi đảng viên đăng ký việc làm theo nghị quyết.',
  ],
  report: [
    'Thống nhất với báo cáo; đề nghị bổ sung kết quả vận động các hộ tham gia vệ sinh môi trường.',
    'Báo cáo phản ánh đúng tình hình; cần đánh giá rõ hơn nguyên nhân chậm thu quỹ của một số hộ.',
    'Nhất trí với phương hướng tháng {toi}; đề nghị ưu tiên hoàn thành việc sửa chữa tuyến đường nội đồng.',
    'Đề nghị chi bộ phân công cụ thể đảng viên phụ trách từng nhóm hộ trong đợt vận động tháng {toi}.',
    'Kết quả tháng {thang} có nhiều cố gắng; công tác an ninh trật tự cần tiếp tục được quan tâm.',
  ],
  tasks: [
    'Bản thân đã hoàn thành nhiệm vụ được giao; đề nghị chi bộ ghi nhận các đồng chí tích cực.',
    'Nhiệm vụ được giao còn chậm do vướng mặt bằng; xin hoàn thành trong tháng {toi}.',
    'Đề nghị chi bộ kiểm tra việc thực hiện nhiệm vụ của đảng viên ngay đầu tháng.',
  ],
  discussion: [
    'Đề nghị chi bộ quan tâm hơn đến việc phát triển đảng viên trong đoàn viên thanh niên.',
    'Cần tăng cường vai trò nêu gương của đảng viên trong thực hiện nếp sống văn minh, việc cưới, việc tang.',
    'Đề nghị phối hợp với Ban công tác Mặt trận vận động nhân dân hiến đất mở rộng đường ngõ xóm.',
    'Đề nghị quan tâm thăm hỏi, động viên các gia đình chính sách, hộ có hoàn cảnh khó khăn.',
    'Việc thu nộp đảng phí qua Cổng dịch vụ công cần hướng dẫn cụ thể cho đảng viên cao tuổi.',
    'Đề nghị chi bộ xây dựng kế hoạch giúp đỡ các hộ sản xuất chuyển đổi cây trồng có hiệu quả.',
    'Tình trạng đổ rác thải không đúng nơi quy định vẫn còn; đề nghị giao đoàn thanh niên ra quân xử lý.',
    'Đề nghị biểu dương các đảng viên tích cực trong phong trào xây dựng nông thôn mới kiểu mẫu.',
  ],
  criticism: [
    'Bản thân còn hạn chế trong việc tham gia sinh hoạt đoàn thể ở khu dân cư; sẽ khắc phục trong thời gian tới.',
    'Tự nhận thấy việc học tập, nghiên cứu nghị quyết chưa thường xuyên; xin hứa khắc phục.',
    'Góp ý đồng chí phụ trách tổ tự quản cần sâu sát hơn trong nắm bắt tâm tư của nhân dân.',
  ],
  thematic: [
    'Chuyên đề thiết thực; đề nghị mỗi đảng viên đăng ký một việc làm cụ thể để thực hiện.',
    'Liên hệ bản thân, tôi sẽ gương mẫu vận động gia đình thực hiện nội dung chuyên đề.',
    'Đề nghị chi bộ đưa nội dung chuyên đề vào tiêu chí đánh giá đảng viên cuối năm.',
    'Cần có hình thức tuyên truyền phù hợp để nhân dân hiểu và cùng thực hiện.',
  ],
  committee: [
    'Thống nhất nội dung sinh hoạt chi bộ và dự thảo nghị quyết tháng {toi}.',
    'Phân công đồng chí phó bí thư chuẩn bị báo cáo, thông báo đảng viên trước hai ngày.',
  ],
};

/** What the visiting committee member says. */
export const GUEST_OPINIONS = [
  'Ghi nhận chi bộ chuẩn bị chu đáo, sinh hoạt đúng trình tự; đề nghị phát huy vai trò của đảng viên trẻ.',
  'Đề nghị chi bộ tập trung lãnh đạo hoàn thành các chỉ tiêu của Đảng ủy giao, chú ý công tác phát triển đảng viên.',
  'Chi bộ cần đổi mới nội dung sinh hoạt, chọn vấn đề nổi cộm ở khu dân cư để thảo luận sâu hơn.',
];

export const TASKS = [
  'Vận động các hộ hoàn thành đóng góp quỹ vì người nghèo',
  'Hoàn thành sửa chữa, nạo vét tuyến mương nội đồng',
  'Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến',
  'Tổ chức tổng vệ sinh môi trường khu dân cư',
  'Nắm tình hình an ninh trật tự, báo cáo chi bộ',
  'Hướng dẫn đảng viên cài đặt và sử dụng Sổ tay đảng viên điện tử',
  'Thăm hỏi, tặng quà gia đình chính sách, hộ khó khăn',
  'Chuẩn bị hồ sơ giới thiệu quần chúng ưu tú để kết nạp',
  'Vận động hiến đất mở rộng đường ngõ xóm',
  'Kiểm tra việc thực hiện quy ước, hương ước của khu dân cư',
];

/** Topics of the quarter's thematic meetings (sinh hoạt chuyên đề), by quarter of the year. */
export const THEMATIC_TOPICS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần đoàn kết',
  'Phát huy vai trò nêu gương của đảng viên trong xây dựng khu dân cư văn hóa',
  'Nâng cao chất lượng sinh hoạt chi bộ gắn với chuyển đổi số',
  'Đảng viên với công tác bảo đảm an ninh trật tự ở cơ sở',
];

export const CONCLUSIONS = [
  'Chi bộ thống nhất: tập trung lãnh đạo hoàn thành các nhiệm vụ trọng tâm tháng {toi}; mỗi đảng viên thực hiện tốt nhiệm vụ được phân công và gương mẫu trong nơi cư trú.',
  'Chi bộ thống nhất đánh giá kết quả tháng {thang}, giao nhiệm vụ cụ thể cho từng đảng viên; đồng chí Bí thư đôn đốc, kiểm tra việc thực hiện.',
];

export const EXCUSES = [
  'Ốm, điều trị tại nhà',
  'Đi công tác',
  'Đi làm ăn xa',
  'Việc gia đình',
  'Chăm người nhà nằm viện',
  'Tuổi cao, sức yếu',
];

export const fill = (text: string, month: number) =>
  text.replace('{thang}', `tháng ${month}`).replace('{toi}', `tháng ${(month % 12) + 1}`);
