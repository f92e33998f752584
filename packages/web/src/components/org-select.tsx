import type { OrgKind } from '@nennep/core/orgs/types';
import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOrg, orgKeys, searchOrgs } from '../features/orgs/api';

interface OrgSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Codes that may not be picked (the node itself when moving or merging). */
  exclude?: string[];
  /** Only these kinds are offered (e.g. cells for a transfer). */
  kinds?: readonly OrgKind[];
  id?: string;
  'data-testid'?: string;
}

/** Delays a changing value until it settles (typing in a search box). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Picks an organisation by typing part of its name or code (searched on the server, accents optional). */
export function OrgSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  exclude,
  kinds,
  id,
  ...rest
}: OrgSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const search = useQuery({
    queryKey: orgKeys.search(q),
    queryFn: () => searchOrgs(q),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
  const found = (search.data ?? []).filter(
    (o) => !exclude?.includes(o.code) && (!kinds || kinds.includes(o.kind)),
  );
  // A value set from outside (URL, form default) still needs its name.
  const current = useQuery({
    queryKey: orgKeys.detail(value ?? ''),
    queryFn: () => fetchOrg(value ?? ''),
    enabled: !!value && !found.some((o) => o.code === value),
    staleTime: 60_000,
  });
  const options = found.map((o) => ({
    value: o.code,
    label: (
      <span>
        {o.name} <Tag style={{ marginInlineStart: 4 }}>{t(`kind.${o.kind}`)}</Tag>
        <span className="nn-muted">{o.code}</span>
      </span>
    ),
    title: o.name,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({
      value,
      label: <span>{current.data?.name ?? value}</span>,
      title: current.data?.name ?? value,
    });
  }
  return (
    <Select<string>
      id={id}
      value={value || undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      placeholder={placeholder ?? t('orgs.pick')}
      // Without a form label (filters) the placeholder is the only name a screen reader has.
      aria-label={id ? undefined : (placeholder ?? t('orgs.pick'))}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={search.isFetching}
      notFoundContent={q ? (search.isFetching ? t('common.loading') : t('common.empty')) : null}
      optionLabelProp="title"
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
