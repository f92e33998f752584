import { describe, expect, it } from 'vitest';
import { documentHeading, normaliseOverrides, resolveNaming, unitOfName } from './org-naming.ts';

const province = { kind: 'committee', name: 'Đảng bộ tỉnh Hồng Châu' };
const commune = { kind: 'grassroots_committee', name: 'Đảng bộ xã Tân Hội' };
const ward = { kind: 'grassroots_committee', name: 'Đảng bộ phường Đông Thành' };
const agencies = { kind: 'grassroots_committee', name: 'Đảng bộ các cơ quan Đảng tỉnh' };
const village = { kind: 'cell', name: 'Chi bộ thôn Thượng Hội' };

describe('default naming by kind and name', () => {
  it('names a province, its committee and symbol', () => {
    expect(resolveNaming(province).resolved).toEqual({
      name: 'Đảng bộ tỉnh Hồng Châu',
      bodyName: 'Tỉnh ủy Hồng Châu',
      issuerName: 'Tỉnh ủy Hồng Châu',
      symbol: 'TU',
      placeName: 'Hồng Châu',
      onBehalf: 'T/M BAN THƯỜNG VỤ',
    });
    expect(resolveNaming({ kind: 'committee', name: 'Đảng bộ thành phố Hải Phòng' }).resolved).toMatchObject({
      bodyName: 'Thành ủy Hải Phòng',
      symbol: 'TU',
      placeName: 'Hải Phòng',
    });
  });

  it('names communes, wards and special zones after their place, with ĐU', () => {
    expect(resolveNaming(commune, [province]).resolved).toMatchObject({
      bodyName: 'Đảng ủy xã Tân Hội',
      issuerName: 'Đảng ủy xã Tân Hội',
      symbol: 'ĐU',
      placeName: 'Tân Hội',
    });
    expect(resolveNaming(ward, [province]).resolved.bodyName).toBe('Đảng ủy phường Đông Thành');
    expect(
      resolveNaming({ kind: 'grassroots_committee', name: 'Đảng bộ đặc khu Vân Đồn' }).resolved,
    ).toMatchObject({ bodyName: 'Đảng ủy đặc khu Vân Đồn', placeName: 'Vân Đồn', symbol: 'ĐU' });
  });

  it('keeps the old district words only for a node named so', () => {
    expect(resolveNaming({ kind: 'committee', name: 'Đảng bộ huyện Đan Phượng' }).resolved).toMatchObject({
      bodyName: 'Huyện ủy Đan Phượng',
      symbol: 'HU',
    });
    expect(resolveNaming({ kind: 'committee', name: 'Đảng bộ thị xã Sơn Tây' }).resolved.bodyName).toBe(
      'Thị ủy Sơn Tây',
    );
    expect(unitOfName('Đảng bộ xã Tân Hội')?.unit).toBe('xã');
    expect(unitOfName('Chi bộ thôn Thượng Hội')).toBeNull();
  });

  it('dates an agency committee and a cell where the nearest named place is', () => {
    expect(resolveNaming(agencies, [province]).resolved).toMatchObject({
      bodyName: 'Đảng ủy các cơ quan Đảng tỉnh',
      symbol: 'ĐU',
      placeName: 'Hồng Châu',
    });
    expect(resolveNaming(village, [province, commune]).resolved).toMatchObject({
      issuerName: 'Chi bộ thôn Thượng Hội',
      bodyName: 'Chi ủy',
      symbol: 'CB',
      placeName: 'Tân Hội',
      onBehalf: 'T/M CHI BỘ',
    });
    expect(resolveNaming(village, [province, commune], { hasCellCommittee: false }).resolved.bodyName).toBe(
      'Bí thư chi bộ',
    );
  });
});

describe('the place of the date line', () => {
  const city = { kind: 'committee', name: 'Thành ủy Cần Thơ' };
  const university = { kind: 'grassroots_committee', name: 'Đảng bộ Trường Đại học Cần Thơ' };
  const faculty = { kind: 'cell', name: 'Chi bộ Khoa Sư phạm' };

  it('reads the place from a committee named by its leading body', () => {
    expect(unitOfName('Thành ủy Cần Thơ')).toMatchObject({ unit: 'thành phố', place: 'Cần Thơ' });
    expect(unitOfName('Thành uỷ Cần Thơ')?.place).toBe('Cần Thơ');
    expect(unitOfName('Đảng ủy phường Ninh Kiều')).toMatchObject({ unit: 'phường', place: 'Ninh Kiều' });
    expect(unitOfName('Tỉnh ủy Hồng Châu')?.symbol).toBe('TU');
    expect(unitOfName('Đảng bộ Trường Đại học Cần Thơ')).toBeNull();
    expect(resolveNaming(city).resolved).toMatchObject({
      bodyName: 'Thành ủy Cần Thơ',
      symbol: 'TU',
      placeName: 'Cần Thơ',
    });
  });

  it('never takes an agency’s or a school’s name for a place: the cell inherits the city', () => {
    expect(resolveNaming(university, [city]).resolved.placeName).toBe('Cần Thơ');
    expect(resolveNaming(faculty, [city, university]).resolved.placeName).toBe('Cần Thơ');
    // The nearest place wins, over one further up.
    const ward = { kind: 'grassroots_committee', name: 'Đảng bộ phường Ninh Kiều' };
    expect(resolveNaming(faculty, [city, ward, university]).resolved.placeName).toBe('Ninh Kiều');
  });

  it('falls back on the node’s own name only when nothing above has a place', () => {
    const bloc = { kind: 'committee', name: 'Đảng bộ Khối Doanh nghiệp' };
    expect(resolveNaming(faculty, [bloc, university]).resolved.placeName).toBe('Chi bộ Khoa Sư phạm');
    const named = { ...university, naming: { placeName: 'Ninh Kiều' } };
    expect(resolveNaming(faculty, [bloc, named]).resolved.placeName).toBe('Ninh Kiều');
  });
});

describe('overrides', () => {
  it('replace a default, and reach the nodes below through the place', () => {
    const renamed = { ...commune, naming: { placeName: 'Ô Diên', symbol: 'ĐUX' } };
    expect(resolveNaming(renamed, [province]).resolved).toMatchObject({ placeName: 'Ô Diên', symbol: 'ĐUX' });
    expect(resolveNaming(village, [province, renamed]).resolved.placeName).toBe('Ô Diên');
    const dto = resolveNaming(renamed, [province]);
    expect(dto.defaults.placeName).toBe('Tân Hội');
    expect(dto.overrides).toEqual({ placeName: 'Ô Diên', symbol: 'ĐUX' });
  });

  it('treat blanks as no override', () => {
    expect(normaliseOverrides({ bodyName: '  ', symbol: ' T U ' })).toEqual({ symbol: 'T U' });
    expect(resolveNaming({ ...province, naming: { bodyName: '' } }).resolved.bodyName).toBe(
      'Tỉnh ủy Hồng Châu',
    );
  });

  it('change the issuer of a committee, never a cell, whose issuer is itself', () => {
    const cell = resolveNaming({ ...village, naming: { bodyName: 'Chi ủy thôn Thượng Hội' } }, [
      province,
      commune,
    ]);
    expect(cell.resolved.issuerName).toBe('Chi bộ thôn Thượng Hội');
    const body = resolveNaming({ ...commune, naming: { bodyName: 'Ban Chấp hành Đảng bộ xã Tân Hội' } });
    expect(body.resolved.issuerName).toBe('Ban Chấp hành Đảng bộ xã Tân Hội');
  });
});

describe('documentHeading', () => {
  it('puts the superior organisation above the issuing body, in capitals', () => {
    const top = resolveNaming(province).resolved;
    const own = resolveNaming(commune, [province]).resolved;
    expect(documentHeading(own, top)).toEqual({
      superior: 'ĐẢNG BỘ TỈNH HỒNG CHÂU',
      issuer: 'ĐẢNG ỦY XÃ TÂN HỘI',
    });
    expect(documentHeading(top, null)).toEqual({ superior: '', issuer: 'TỈNH ỦY HỒNG CHÂU' });
  });
});
