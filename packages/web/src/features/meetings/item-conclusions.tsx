import type { AgendaItem } from '@nennep/core/meetings/agenda';
import { MEETING_LIMITS, type MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { Button, Card, Flex, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPut } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { meetingKeys } from './api';

/** The chair's conclusion on one agenda item: a short field, saved on its own; empty clears it. */
function ItemConclusion({
  meetingId,
  index,
  item,
  editable,
}: {
  meetingId: number;
  index: number;
  item: AgendaItem;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const saved = item.conclusion ?? '';
  const [text, setText] = useState(saved);
  // What the server holds wins once it changes (saved here, or by another phone).
  useEffect(() => setText(saved), [saved]);
  const save = useAction({
    mutationFn: (value: string) =>
      apiPut<{ agenda: AgendaItem[] }>(`/api/meetings/${meetingId}/agenda/${index}/conclusion`, {
        text: value.trim(),
      }),
    success: t('common.saved'),
    invalidate: [meetingKeys.detail(meetingId)],
  });
  const dirty = text.trim() !== saved;
  return (
    <div data-testid="item-conclusion">
      <strong>
        {index + 1}. {item.title}
      </strong>
      {editable ? (
        <Flex vertical gap={8} style={{ marginTop: 4 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={MEETING_LIMITS.itemConclusion}
            placeholder={t('itemConclusion.placeholder')}
            aria-label={t('itemConclusion.label', { n: index + 1 })}
            data-testid="item-conclusion-text"
          />
          {dirty ? (
            <Button
              type="primary"
              size="large"
              block
              loading={save.isPending}
              onClick={() => save.mutate(text)}
              data-testid="item-conclusion-save"
            >
              {t('itemConclusion.save')}
            </Button>
          ) : null}
        </Flex>
      ) : (
        <div className="nn-pre">{saved || <span className="nn-muted">{t('itemConclusion.empty')}</span>}</div>
      )}
    </div>
  );
}

/** "Kết luận từng nội dung": each agenda item with the chair's conclusion on it, printed in the minutes. */
export function ItemConclusionsCard({ meeting, editable }: { meeting: MeetingDetailDto; editable: boolean }) {
  const { t } = useTranslation();
  if (meeting.agenda.length === 0) return null;
  return (
    <Card size="small" title={t('itemConclusion.title')} data-testid="item-conclusions">
      <div className="nn-card-list">
        {meeting.agenda.map((item, index) => (
          <ItemConclusion
            // biome-ignore lint/suspicious/noArrayIndexKey: an item is identified by its place (…/agenda/{index})
            key={`${index}:${item.title}`}
            meetingId={meeting.id}
            index={index}
            item={item}
            editable={editable}
          />
        ))}
      </div>
    </Card>
  );
}
