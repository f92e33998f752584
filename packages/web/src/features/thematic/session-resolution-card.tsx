import { SESSION_LIMITS } from '@nennep/core/thematic/session-types';
import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { sessionCommands, sessionKeys, type ThematicSessionDto } from './session-api';

type Draft = NonNullable<ThematicSessionDto['resolution']['draft']>;

function DraftMeta({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" data-testid="session-draft-version" data-version={draft.version}>
        {t('thematicSession.resolution.version', {
          version: draft.version,
          name: draft.createdBy,
          time: formatDateTime(draft.createdAt),
        })}
      </Typography.Text>
      <Typography.Text type={draft.sharedAt ? 'success' : 'secondary'}>
        {draft.sharedAt
          ? t('thematicSession.resolution.sharedAt', { time: formatDateTime(draft.sharedAt) })
          : t('thematicSession.resolution.notShared')}
      </Typography.Text>
    </Flex>
  );
}

/** The committee's editor: each save is a new version; "gửi lấy ý kiến" sends the latest to every member. */
function DraftEditor({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const draft = session.resolution.draft;
  const save = useAction({
    form,
    mutationFn: (v: { text: string }) => sessionCommands.draft(session.id, v.text.trim()),
    success: t('thematicSession.resolution.saved'),
    invalidate: [sessionKeys.all],
  });
  const share = useAction({
    mutationFn: () => sessionCommands.share(session.id),
    success: t('thematicSession.resolution.shared'),
    invalidate: [sessionKeys.all],
  });
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      initialValues={{ text: draft?.text ?? '' }}
      onFinish={(v) => save.mutate(v)}
      data-testid="session-draft-form"
    >
      <Form.Item
        name="text"
        label={t('thematicSession.resolution.text')}
        rules={[rules.required(t('thematicSession.resolution.text'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 8, maxRows: 24 }}
          maxLength={SESSION_LIMITS.resolution}
          data-testid="session-draft-text"
        />
      </Form.Item>
      <Flex wrap gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="session-draft-save">
          {t('thematicSession.resolution.save')}
        </Button>
        {draft && session.abilities.share ? (
          <Popconfirm
            title={t('thematicSession.resolution.shareConfirm', { version: draft.version })}
            onConfirm={() => share.mutate(undefined)}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...{ 'data-testid': 'session-draft-share-ok' } }}
          >
            <Button loading={share.isPending} data-testid="session-draft-share">
              {t('thematicSession.resolution.share')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Form>
  );
}

type IssueKey =
  | 'title'
  | 'hint'
  | 'number'
  | 'numberPlaceholder'
  | 'signerTitle'
  | 'signerTitlePlaceholder'
  | 'signerName'
  | 'passOnBy'
  | 'submit'
  | 'confirm';

interface IssueValues {
  number: string;
  signerTitle: string;
  signerName: string;
  /** ISO day, from the phone's own date picker. */
  passOnBy: string;
}

/** Ban hành, after the session: the number, who signs, and the day by which the cells pass it on. */
function IssueForm({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<IssueValues>();
  const issue = useAction({
    form,
    mutationFn: (v: IssueValues) =>
      sessionCommands.issue(session.id, {
        number: v.number.trim(),
        signerTitle: v.signerTitle.trim(),
        signerName: v.signerName.trim(),
        passOnBy: v.passOnBy,
      }),
    success: t('thematicSession.issue.done'),
    invalidate: [sessionKeys.all],
  });
  const label = (key: IssueKey) => t(`thematicSession.issue.${key}` as const);
  return (
    <Form<IssueValues> form={form} layout="vertical" data-testid="session-issue-form">
      <Typography.Title level={5}>{label('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{label('hint')}</Typography.Paragraph>
      <Form.Item name="number" label={label('number')} rules={[rules.required(label('number'))]}>
        <Input
          maxLength={SESSION_LIMITS.number}
          placeholder={label('numberPlaceholder')}
          data-testid="session-issue-number"
        />
      </Form.Item>
      <Form.Item
        name="signerTitle"
        label={label('signerTitle')}
        rules={[rules.required(label('signerTitle'))]}
      >
        <Input
          maxLength={SESSION_LIMITS.signer}
          placeholder={label('signerTitlePlaceholder')}
          data-testid="session-issue-signer-title"
        />
      </Form.Item>
      <Form.Item name="signerName" label={label('signerName')} rules={[rules.required(label('signerName'))]}>
        <Input maxLength={SESSION_LIMITS.signer} data-testid="session-issue-signer-name" />
      </Form.Item>
      <Form.Item name="passOnBy" label={label('passOnBy')} rules={[rules.required(label('passOnBy'))]}>
        <Input type="date" data-testid="session-issue-pass-on-by" />
      </Form.Item>
      <Popconfirm
        title={label('confirm')}
        onConfirm={() =>
          form.validateFields().then(
            (v) => issue.mutate(v),
            () => undefined,
          )
        }
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ ...{ 'data-testid': 'session-issue-ok' } }}
      >
        <Button type="primary" danger block loading={issue.isPending} data-testid="session-issue">
          {label('submit')}
        </Button>
      </Popconfirm>
    </Form>
  );
}

/**
 * The draft thematic resolution (domain.md §6: circulated to all members for comment, then issued): the
 * committee writes and sends it, then issues it after the session; the members read the version sent.
 */
export function SessionResolutionCard({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const { draft, number, issuedOn, passOnDocumentId } = session.resolution;
  return (
    <Card size="small" title={t('thematicSession.resolution.title')}>
      <Flex vertical gap={12}>
        {number && issuedOn ? (
          <Alert
            type="success"
            showIcon
            data-testid="session-issued"
            message={t('thematicSession.resolution.issued', { number, date: formatDate(issuedOn) })}
            description={
              passOnDocumentId ? (
                <Flex wrap gap={12}>
                  <a href={`/api/documents-to-pass-on/${passOnDocumentId}/file`}>
                    {t('thematicSession.resolution.download')}
                  </a>
                  <Link to={`/documents/${passOnDocumentId}`}>{t('thematicSession.resolution.passOn')}</Link>
                </Flex>
              ) : null
            }
          />
        ) : null}
        {draft ? <DraftMeta draft={draft} /> : null}
        {session.abilities.manage ? (
          <DraftEditor key={draft?.version ?? 0} session={session} />
        ) : draft ? (
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="session-draft"
          >
            {draft.text}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('thematicSession.resolution.none')}</Typography.Text>
        )}
        {session.abilities.issue ? <IssueForm session={session} /> : null}
      </Flex>
    </Card>
  );
}
