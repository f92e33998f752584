import { NotificationOutlined } from '@ant-design/icons';
import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import type { InvitationListDto } from '@nennep/core/meetings/types';
import { App, Button, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useNotifyError } from '../../lib/use-action';
import { meetingCommands, meetingKeys } from './api';

/**
 * "Mời dự họp": first who the invitation will reach — the cell's members (those without an account are
 * shown, to be told in person) and the committee members who follow the cell — then, on OK, sending it.
 */
export function InviteButton({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [list, setList] = useState<InvitationListDto | null>(null);
  const [loading, setLoading] = useState(false);
  const open = async () => {
    setLoading(true);
    try {
      setList(await meetingCommands.invitations(meeting.id));
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(false);
    }
  };
  const send = useAction({
    mutationFn: () => meetingCommands.notify(meeting.id),
    success: false,
    invalidate: [meetingKeys.detail(meeting.id)],
    onSuccess: (r) => {
      setList(null);
      void message.success(r.sent > 0 ? t('prepare.notified', { count: r.sent }) : t('prepare.notifiedNone'));
    },
  });
  const offline = list?.members.filter((m) => !m.inApp) ?? [];
  return (
    <>
      <Button
        type="primary"
        ghost
        icon={<NotificationOutlined />}
        loading={loading}
        onClick={open}
        data-testid="meeting-notify"
      >
        {t('prepare.notify')}
      </Button>
      {list ? (
        <Modal
          open
          title={t('prepare.inviteTitle', { count: list.recipients })}
          okText={t('prepare.inviteSend', { count: list.recipients })}
          cancelText={t('common.cancel')}
          onOk={() => send.mutate(undefined)}
          onCancel={() => setList(null)}
          confirmLoading={send.isPending}
          okButtonProps={{ disabled: list.recipients === 0, 'data-testid': 'invite-send' }}
          data-testid="invite-dialog"
        >
          <Typography.Paragraph data-testid="invite-summary">
            {t('prepare.inviteSummary', {
              members: list.members.length - offline.length,
              followers: list.followers.length,
            })}
          </Typography.Paragraph>
          {list.followers.length > 0 ? (
            <List
              size="small"
              header={t('prepare.inviteFollowers')}
              dataSource={list.followers}
              renderItem={(f) => (
                <List.Item>
                  {f.name} <Tag>{t(`prepare.followerWhy.${f.why}`)}</Tag>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Paragraph type="secondary">{t('prepare.inviteNoFollowers')}</Typography.Paragraph>
          )}
          {offline.length > 0 ? (
            <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
              {t('prepare.inviteOffline', {
                count: offline.length,
                names: offline.map((m) => m.name).join(', '),
              })}
            </Typography.Paragraph>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}
