/** Vietnamese personal names for demo members, weighted roughly by real frequency (northern Vietnam). */
import { pick, type Rng, weighted } from './prng.ts';

const FAMILY_NAMES = weighted<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.5],
  ['Huỳnh', 0.5],
  ['Phan', 4.5],
  ['Vũ', 3.5],
  ['Võ', 0.4],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Trịnh', 0.8],
  ['Đào', 0.8],
  ['Đoàn', 0.6],
  ['Mai', 0.5],
  ['Cao', 0.5],
  ['Phùng', 0.5],
  ['Hà', 0.5],
  ['Lưu', 0.4],
  ['Tạ', 0.4],
  ['Kiều', 0.4],
  ['Chu', 0.4],
  ['Lương', 0.4],
  ['Khuất', 0.3],
  ['Đàm', 0.3],
  ['Tô', 0.3],
  ['Quách', 0.2],
  ['Nghiêm', 0.2],
  ['Lại', 0.2],
  ['Vương', 0.2],
  ['Triệu', 0.2],
]);

/** Older generations (born before 1975) mostly carry Văn / Thị; younger ones more varied middle names. */
const MALE_MIDDLE_OLD = weighted<string>([
  ['Văn', 50],
  ['Đức', 8],
  ['Hữu', 7],
  ['Đình', 5],
  ['Xuân', 5],
  ['Quang', 5],
  ['Minh', 5],
  ['Ngọc', 4],
  ['Công', 4],
  ['Thanh', 4],
  ['Trọng', 3],
  ['Mạnh', 2],
  ['Bá', 2],
  ['Khắc', 2],
  ['Tiến', 2],
  ['Thế', 2],
  ['Duy', 2],
  ['Quốc', 2],
  ['Hồng', 2],
  ['Việt', 2],
]);
const MALE_MIDDLE_YOUNG = weighted<string>([
  ['Văn', 20],
  ['Đức', 10],
  ['Minh', 10],
  ['Quang', 7],
  ['Hữu', 5],
  ['Thanh', 5],
  ['Công', 5],
  ['Duy', 5],
  ['Quốc', 5],
  ['Xuân', 4],
  ['Ngọc', 4],
  ['Mạnh', 4],
  ['Tiến', 4],
  ['Trọng', 4],
  ['Hoàng', 4],
  ['Việt', 4],
  ['Anh', 3],
  ['Tuấn', 3],
  ['Thành', 3],
  ['Gia', 2],
]);
const FEMALE_MIDDLE_OLD = weighted<string>([
  ['Thị', 75],
  ['Thu', 4],
  ['Thanh', 4],
  ['Ngọc', 3],
  ['Hồng', 3],
  ['Kim', 3],
  ['Minh', 2],
  ['Bích', 2],
  ['Thúy', 2],
  ['Phương', 2],
]);
const FEMALE_MIDDLE_YOUNG = weighted<string>([
  ['Thị', 40],
  ['Thu', 7],
  ['Thanh', 6],
  ['Ngọc', 6],
  ['Phương', 6],
  ['Minh', 5],
  ['Hồng', 4],
  ['Thúy', 4],
  ['Kim', 3],
  ['Bích', 3],
  ['Hải', 3],
  ['Khánh', 3],
  ['Hoài', 3],
  ['Mai', 3],
  ['Quỳnh', 3],
  ['Diệu', 2],
  ['Lan', 2],
]);
/** Second middle name after "Thị" (Nguyễn Thị Thu Hương). */
const FEMALE_SECOND_MIDDLE = 'Thu Thanh Ngọc Minh Hồng Kim Bích Thúy Phương Mai Hải'.split(' ');

const MALE_GIVEN = (
  'An Anh Bảo Bình Chiến Chính Công Cường Dũng Duy Dương Đạt Điệp Định Đông Đức Giang Hải Hậu ' +
  'Hiển Hiệp Hiếu Hòa Hoàng Học Hùng Hưng Huy Khải Khánh Khoa Kiên Lâm Linh Lộc Long Lực Mạnh ' +
  'Minh Nam Nghĩa Ngọc Nhật Phong Phú Phúc Phương Quân Quang Quý Sơn Tài Tâm Tân Thái Thắng ' +
  'Thanh Thành Thao Thịnh Thuận Tiến Toàn Trung Trường Tú Tuấn Tùng Văn Việt Vinh Vũ Xuân'
).split(' ');
const FEMALE_GIVEN = (
  'An Anh Bích Chi Dịu Dung Duyên Giang Hà Hải Hằng Hạnh Hậu Hiền Hoa Hoài Hồng Huệ Hương ' +
  'Hường Huyền Lan Liên Linh Loan Lụa Lý Mai Mến Minh Nga Ngân Ngọc Nhàn Nhung Oanh Phượng ' +
  'Phương Quyên Quỳnh Sen Tâm Thảo Thơm Thu Thủy Thúy Thư Trang Tuyết Vân Xuân Yến'
).split(' ');

/** A full name "Family Middle Given" with correct Vietnamese diacritics (NFC). */
export function randomFullName(rng: Rng, sex: 'male' | 'female', birthYear: number): string {
  const family = FAMILY_NAMES(rng);
  const old = birthYear < 1975;
  let middle: string;
  let given: string;
  if (sex === 'male') {
    middle = (old ? MALE_MIDDLE_OLD : MALE_MIDDLE_YOUNG)(rng);
    given = pick(rng, MALE_GIVEN);
  } else {
    middle = (old ? FEMALE_MIDDLE_OLD : FEMALE_MIDDLE_YOUNG)(rng);
    if (middle === 'Thị' && rng() < (old ? 0.08 : 0.2)) middle = `Thị ${pick(rng, FEMALE_SECOND_MIDDLE)}`;
    given = pick(rng, FEMALE_GIVEN);
  }
  // Avoid "Minh Minh" style repeats of the last middle word.
  if (middle.endsWith(given)) given = pick(rng, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  if (middle.endsWith(given)) middle = sex === 'male' ? 'Văn' : 'Thị';
  return `${family} ${middle} ${given}`;
}
