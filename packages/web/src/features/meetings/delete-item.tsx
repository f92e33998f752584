import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../lib/use-action';
import { type MeetingItemKind, meetingCommands, meetingKeys } from './api';

/** A small delete button with a confirmation: removes a mistyped row before the minutes are adopted. */
export function DeleteItemButton({
  meetingId,
  kind,
  itemId,
}: {
  meetingId: number;
  kind: MeetingItemKind;
  itemId: number;
}) {
  const { t } = useTranslation();
  const remove = useAction({
    mutationFn: () => meetingCommands.removeItem(meetingId, kind, itemId),
    success: t('corrections.deleted'),
    invalidate: [meetingKeys.detail(meetingId), meetingKeys.score(meetingId)],
  });
  return (
    <Popconfirm
      title={t(`corrections.confirm.${kind}`)}
      okText={t('corrections.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': `${kind}-delete-confirm` }}
      onConfirm={() => remove.mutate(undefined)}
    >
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        loading={remove.isPending}
        aria-label={t('corrections.delete')}
        data-testid={`${kind}-delete`}
      />
    </Popconfirm>
  );
}
