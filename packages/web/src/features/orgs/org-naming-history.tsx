import { ArrowRightOutlined } from '@ant-design/icons';
import { NAMING_FIELDS, type OrgNamingOverrides } from '@nennep/core/org-naming';
import type { HistoryItemDto } from '@nennep/core/orgs/types';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The override object the server recorded (`{ symbol: 'ĐUX' }`), keeping only known, non-blank words. */
function overridesOf(value: unknown): OrgNamingOverrides {
  const out: OrgNamingOverrides = {};
  if (!value || typeof value !== 'object') return out;
  const record = value as Record<string, unknown>;
  for (const field of NAMING_FIELDS) {
    const word = record[field];
    if (typeof word === 'string' && word.trim() !== '') out[field] = word;
  }
  return out;
}

/** "Ký hiệu trên văn bản: ĐU → ĐUX", one line per word that changed, then the note. */
function NamingChange({ data }: { data: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const from = overridesOf(data?.from);
  const to = overridesOf(data?.to);
  const note = typeof data?.note === 'string' ? data.note.trim() : '';
  const changed = NAMING_FIELDS.filter((field) => from[field] !== to[field]);
  const word = (value: string | undefined) =>
    value ?? <span style={{ fontStyle: 'italic' }}>{t('orgNaming.isDefault')}</span>;
  if (changed.length === 0 && !note) return null;
  return (
    <div className="nn-muted" style={{ fontSize: 13 }} data-testid="naming-change">
      {changed.map((field) => (
        <div key={field}>
          {t(`orgNaming.${field}`)}: {word(from[field])} <ArrowRightOutlined /> {word(to[field])}
        </div>
      ))}
      {note ? (
        <div>
          {t('common.note')}: {note}
        </div>
      ) : null}
    </div>
  );
}

/** The organisation history's own wording of the events the generic timeline would show as raw data. */
export function renderOrgHistoryData(item: HistoryItemDto): ReactNode | undefined {
  if (item.kind === 'naming_changed') return <NamingChange data={item.data} />;
  return undefined;
}
