import { useQueryClient } from '@tanstack/react-query';
import { Form, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useDebounced } from '../../components/org-select';
import { foldText } from '../../lib/format';
import { useRules } from '../../lib/rules';
import {
  type RecommendationDetailDto,
  recommendationCommands,
  recommendationKeys,
  useRecommendations,
} from './api';
import { useRecAction } from './use-rec-action';

/** Trigrams of each word, padded as pg_trgm pads them, of the accent-folded text. */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** How alike two texts look (0–1), close to the server's pg_trgm similarity: for ranking candidates only. */
export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

/** "Gộp vào…": pick the recommendation to keep, the most alike first; a number typed picks that one. */
export function MergeModal({ rec, onClose }: { rec: RecommendationDetailDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ intoId: number }>();
  const [text, setText] = useState('');
  const typed = text.trim();
  const number = /^#?(\d+)$/.exec(typed)?.[1];
  const q = useDebounced(number ? '' : typed);
  // Candidates where duplicates come from: the subtree of the level now answering.
  const candidates = useRecommendations({ org: rec.handlerCode, q: q || undefined });
  const ranked = (candidates.data ?? [])
    .filter((r) => r.id !== rec.id && r.status !== 'merged' && r.status !== 'declined')
    .map((r) => ({ rec: r, score: similarity(rec.text, r.text) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 30);
  const options = ranked.map(({ rec: r, score }) => ({
    value: r.id,
    label: (
      <div style={{ whiteSpace: 'normal' }}>
        <strong>#{r.id}</strong> {r.text}
        <div className="nn-muted nn-small">
          {r.cellName}
          {score >= 0.4 ? (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              {t('recommendations.actions.similar', { percent: Math.round(score * 100) })}
            </Tag>
          ) : null}
        </div>
      </div>
    ),
    title: `#${r.id} ${r.text}`,
  }));
  if (number && Number(number) !== rec.id && !options.some((o) => o.value === Number(number))) {
    options.unshift({
      value: Number(number),
      label: <strong>{t('recommendations.detail.title', { id: number })}</strong>,
      title: `#${number}`,
    });
  }
  const merge = useRecAction(rec, (v: { intoId: number }) => recommendationCommands.merge(rec.id, v.intoId), {
    form,
    success: t('recommendations.actions.merged'),
    onDone: () => {
      void queryClient.invalidateQueries({
        queryKey: recommendationKeys.detail(form.getFieldValue('intoId')),
      });
      onClose();
    },
  });
  const label = t('recommendations.actions.mergeInto');
  return (
    <FormModal<{ intoId: number }>
      title={t('recommendations.actions.mergeTitle')}
      form={form}
      onSubmit={(v) => merge.mutate(v)}
      onClose={onClose}
      loading={merge.isPending}
      okText={t('recommendations.dashboard.merge')}
      testId="rec-merge-form"
    >
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('recommendations.actions.mergeHelp')}
      </p>
      <Form.Item name="intoId" label={label} rules={[rules.requiredSelect(label)]}>
        <Select<number>
          size="large"
          showSearch={{ filterOption: false, onSearch: setText }}
          options={options}
          optionLabelProp="title"
          loading={candidates.isFetching}
          placeholder={t('recommendations.actions.mergeSearch')}
          data-testid="rec-merge-into"
        />
      </Form.Item>
    </FormModal>
  );
}
