import { CheckOutlined } from '@ant-design/icons';
import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberSelect } from '../../components/member-select';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { type MeetingPassOnItemDto, markPassedOn, passOnKeys, useMeetingPassOn } from '../pass-on/api';
import { meetingKeys } from './api';
import { memberOptions, type RollCall } from './roll-call';

/** The chair presents it when no member is named: the select's value for "nobody". */
const CHAIR = '__chair';

/** While the meeting is held (started, or just ended) and before adoption, the API records passing on. */
const HELD_NOW: readonly string[] = ['in_progress', 'held'];

function ItemRow({
  meeting,
  item,
  canMark,
  roll,
}: {
  meeting: MeetingDetailDto;
  item: MeetingPassOnItemDto;
  canMark: boolean;
  roll: RollCall;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [presenter, setPresenter] = useState<string>(CHAIR);
  const mark = useAction({
    mutationFn: () => markPassedOn(meeting.id, item.documentId, presenter === CHAIR ? undefined : presenter),
    success: t('passOn.meeting.saved'),
    // The agenda item's conclusion now carries the line; the committee's status has one more cell.
    invalidate: [meetingKeys.detail(meeting.id), passOnKeys.all],
    onSuccess: (answer) => queryClient.setQueryData(passOnKeys.meeting(meeting.id), answer.items),
  });
  const members = memberOptions(roll.lines.filter((l) => l.status !== 'attached_elsewhere'));
  return (
    <div
      className="nn-opinion"
      data-testid="meeting-pass-on-item"
      data-id={item.documentId}
      data-passed={item.passed ? 'true' : 'false'}
    >
      <div style={{ overflowWrap: 'anywhere' }}>
        <Link to={`/documents/${item.documentId}`}>
          <strong>{item.number}</strong> — {item.title}
        </Link>
      </div>
      <div className="nn-muted nn-small" style={{ marginTop: 4 }}>
        {item.reason}
      </div>
      {item.passed ? (
        <Tag color="green" style={{ marginTop: 8, whiteSpace: 'normal' }} data-testid="meeting-pass-on-done">
          {t('passOn.meeting.passed', {
            date: formatDate(item.passed.passedOn),
            presenter: item.passed.presenter,
          })}
        </Tag>
      ) : canMark ? (
        <Flex wrap gap={8} style={{ marginTop: 8 }}>
          <MemberSelect
            size="large"
            value={presenter}
            onChange={setPresenter}
            aria-label={t('passOn.meeting.presenter')}
            options={[{ value: CHAIR, label: t('passOn.meeting.chair') }, ...members]}
            style={{ flex: '1 1 180px', minWidth: 0 }}
            data-testid={`meeting-pass-on-presenter-${item.documentId}`}
          />
          <Button
            type="primary"
            size="large"
            icon={<CheckOutlined />}
            loading={mark.isPending}
            onClick={() => mark.mutate(undefined)}
            data-testid="meeting-pass-on-mark"
          >
            {t('passOn.meeting.mark')}
          </Button>
        </Flex>
      ) : null}
    </div>
  );
}

/**
 * "Phổ biến văn bản cấp trên" at the meeting (issue 17 item 2; HD 12-HD/BTCTW point 2.2): the superior
 * documents due at this cell, each with why it is on the agenda; while the meeting is held, "Đã phổ biến"
 * with the presenter records it and the minutes carry the line. Once the minutes are adopted it is read
 * only (adopted minutes never change; the API refuses too). Shown only when there is something to show.
 */
export function PassOnMeetingCard({
  meeting,
  editable,
  roll,
}: {
  meeting: MeetingDetailDto;
  editable: boolean;
  roll: RollCall;
}) {
  const { t } = useTranslation();
  const query = useMeetingPassOn(meeting.id);
  const items = query.data ?? [];
  if (items.length === 0) return null;
  const canMark = editable && HELD_NOW.includes(meeting.status);
  const pending = items.some((i) => !i.passed);
  return (
    <Card size="small" title={t('passOn.meeting.title')} data-testid="meeting-pass-on">
      {meeting.status === 'adopted' ? (
        <Alert type="info" showIcon title={t('passOn.meeting.readOnly')} style={{ marginBottom: 8 }} />
      ) : editable && pending ? (
        <p className="nn-muted" style={{ marginTop: 0 }}>
          {canMark ? t('passOn.meeting.help') : t('passOn.meeting.notYet')}
        </p>
      ) : null}
      {editable && items[0]?.agendaIndex === null ? (
        <Alert type="warning" showIcon title={t('passOn.meeting.noAgendaItem')} style={{ marginBottom: 8 }} />
      ) : null}
      <Flex vertical gap={16}>
        {items.map((item) => (
          <ItemRow key={item.documentId} meeting={meeting} item={item} canMark={canMark} roll={roll} />
        ))}
      </Flex>
    </Card>
  );
}
