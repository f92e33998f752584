import { SESSION_LIMITS } from '@nennep/core/thematic/session-types';
import { Button, Card, Empty, Flex, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { sessionCommands, sessionKeys, type ThematicSessionDto } from './session-api';

/** A member's comment on the draft resolution, typed on a phone: the box and its button take the full width. */
function CommentBox({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const send = useAction({
    form,
    mutationFn: (v: { text: string }) => sessionCommands.comment(session.id, v.text.trim()),
    success: t('thematicSession.comments.sent'),
    invalidate: [sessionKeys.all],
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      onFinish={(v) => send.mutate(v)}
      data-testid="session-comment-form"
    >
      <Form.Item
        name="text"
        label={t('thematicSession.comments.label')}
        rules={[rules.required(t('thematicSession.comments.label'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={SESSION_LIMITS.comment}
          placeholder={t('thematicSession.comments.placeholder')}
          data-testid="session-comment-text"
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        block
        htmlType="submit"
        loading={send.isPending}
        data-testid="session-comment-send"
      >
        {t('thematicSession.comments.send')}
      </Button>
    </Form>
  );
}

/** The members' comments on the draft resolution, oldest first, with the cell, the version and the time. */
export function SessionCommentsCard({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const { comments } = session.resolution;
  return (
    <Card size="small" title={t('thematicSession.comments.title', { count: comments.length })}>
      <Flex vertical gap={12}>
        {comments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thematicSession.comments.empty')} />
        ) : (
          <List size="small" data-testid="session-comments">
            {comments.map((c) => (
              <List.Item key={c.id} data-testid="session-comment" data-member={c.memberCode}>
                <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                  <Flex wrap gap={8} justify="space-between">
                    <Typography.Text strong>
                      {c.fullName} · {c.orgName}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {formatDateTime(c.createdAt)} ·{' '}
                      {t('thematicSession.comments.onVersion', { version: c.version })}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.text}
                  </Typography.Text>
                </Flex>
              </List.Item>
            ))}
          </List>
        )}
        {session.canComment ? <CommentBox session={session} /> : null}
      </Flex>
    </Card>
  );
}
