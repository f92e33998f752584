import { Button, Card, Empty, Flex, Form, Input, List, Typography } from 'antd';
import { ItemList } from '../../components/item-list';
import { formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';

/** A comment as both the paper and the committee's draft resolution show it. */
export interface CommentLine {
  id: number;
  memberCode: string;
  fullName: string;
  /** The commenter's cell, where comments come from the whole subtree. */
  orgName?: string;
  version: number;
  text: string;
  createdAt: string;
}

/** What differs between the paper's comments and the draft resolution's: words, limits, the call, the ids. */
export interface CommentsPanelProps {
  comments: readonly CommentLine[];
  canComment: boolean;
  send: (text: string) => Promise<unknown>;
  invalidate: readonly (readonly unknown[])[];
  maxLength: number;
  /** The prefix of the data-testids: `<prefix>-comments`, `<prefix>-comment`, `<prefix>-comment-text`, … */
  testId: string;
  texts: {
    title: string;
    empty: string;
    label: string;
    placeholder: string;
    send: string;
    sent: string;
    onVersion: (version: number) => string;
  };
}

/** A member's comment, typed on a phone: the box and its button take the full width. */
function CommentBox({ send, invalidate, maxLength, testId, texts }: CommentsPanelProps) {
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const action = useAction({
    form,
    mutationFn: (v: { text: string }) => send(v.text.trim()),
    success: texts.sent,
    invalidate: [...invalidate],
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      onFinish={(v) => action.mutate(v)}
      data-testid={`${testId}-comment-form`}
    >
      <Form.Item name="text" label={texts.label} rules={[rules.required(texts.label)]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={maxLength}
          placeholder={texts.placeholder}
          data-testid={`${testId}-comment-text`}
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        block
        htmlType="submit"
        loading={action.isPending}
        data-testid={`${testId}-comment-send`}
      >
        {texts.send}
      </Button>
    </Form>
  );
}

/** The members' comments, oldest first, with the name (and cell), the time and the version of each. */
export function CommentsPanel(props: CommentsPanelProps) {
  const { comments, canComment, testId, texts } = props;
  return (
    <Card size="small" title={texts.title}>
      <Flex vertical gap={12}>
        {comments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={texts.empty} />
        ) : (
          <ItemList size="small" data-testid={`${testId}-comments`}>
            {comments.map((c) => (
              <List.Item key={c.id} data-testid={`${testId}-comment`} data-member={c.memberCode}>
                <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                  <Flex wrap gap={8} justify="space-between">
                    <Typography.Text strong>
                      {c.orgName ? `${c.fullName} · ${c.orgName}` : c.fullName}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {formatDateTime(c.createdAt)} · {texts.onVersion(c.version)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.text}
                  </Typography.Text>
                </Flex>
              </List.Item>
            ))}
          </ItemList>
        )}
        {canComment ? <CommentBox {...props} /> : null}
      </Flex>
    </Card>
  );
}
