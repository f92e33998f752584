import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { Button, Card, Empty, Flex, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { type ThematicRegistrationDto, thematicCommands, thematicKeys } from './api';

/** A member's comment on the shared paper, typed on a phone: the box and its button take the full width. */
function CommentBox({ reg }: { reg: ThematicRegistrationDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const send = useAction({
    form,
    mutationFn: (v: { text: string }) => thematicCommands.comment(reg.id, v.text.trim()),
    success: t('thematic.comments.sent'),
    invalidate: [thematicKeys.all],
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      onFinish={(v) => send.mutate(v)}
      data-testid="thematic-comment-form"
    >
      <Form.Item
        name="text"
        label={t('thematic.comments.label')}
        rules={[rules.required(t('thematic.comments.label'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={THEMATIC_LIMITS.comment}
          placeholder={t('thematic.comments.placeholder')}
          data-testid="thematic-comment-text"
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        block
        htmlType="submit"
        loading={send.isPending}
        data-testid="thematic-comment-send"
      >
        {t('thematic.comments.send')}
      </Button>
    </Form>
  );
}

/** The members' comments on the shared versions, oldest first, with the name and the time of each. */
export function CommentsCard({ reg, canComment }: { reg: ThematicRegistrationDto; canComment: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('thematic.comments.title', { count: reg.comments.length })}>
      <Flex vertical gap={12}>
        {reg.comments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thematic.comments.empty')} />
        ) : (
          <List size="small" data-testid="thematic-comments">
            {reg.comments.map((c) => (
              <List.Item key={c.id} data-testid="thematic-comment" data-member={c.memberCode}>
                <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                  <Flex wrap gap={8} justify="space-between">
                    <Typography.Text strong>{c.fullName}</Typography.Text>
                    <Typography.Text type="secondary">
                      {formatDateTime(c.createdAt)} ·{' '}
                      {t('thematic.comments.onVersion', { version: c.version })}
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
        {canComment ? <CommentBox reg={reg} /> : null}
      </Flex>
    </Card>
  );
}
