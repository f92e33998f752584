import { SESSION_LIMITS } from '@nennep/core/thematic/session-types';
import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { sessionCommands, sessionKeys, type ThematicSessionDto } from './session-api';
import { DraftForm, DraftMeta, type DraftTexts } from './versioned-draft';

/** The draft resolution's words for the shared draft form. */
function useDraftTexts(): DraftTexts {
  const { t } = useTranslation();
  return {
    text: t('thematicSession.resolution.text'),
    save: t('thematicSession.resolution.save'),
    saved: t('thematicSession.resolution.saved'),
    share: t('thematicSession.resolution.share'),
    shared: t('thematicSession.resolution.shared'),
    shareConfirm: (version) => t('thematicSession.resolution.shareConfirm', { version }),
    version: (v) =>
      t('thematicSession.resolution.version', {
        version: v.version,
        name: v.createdBy,
        time: formatDateTime(v.createdAt),
      }),
    sharedAt: (time) => t('thematicSession.resolution.sharedAt', { time }),
    notShared: t('thematicSession.resolution.notShared'),
  };
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

/**
 * Ban hành, from the session's day: the number, who signs, and the day by which the cells pass it on. While
 * the server would refuse it (`abilities.issueBlocked`: the day not come, no draft, the latest not sent), the
 * button stays disabled and says why.
 */
function IssueForm({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const blocked = session.abilities.issueBlocked;
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
      {blocked ? (
        <Alert
          type="info"
          showIcon
          data-testid="session-issue-blocked"
          data-reason={blocked}
          message={t(`thematicSession.issue.blocked.${blocked}` as const, { date: formatDate(session.date) })}
        />
      ) : null}
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
        disabled={blocked !== null}
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
        <Button
          type="primary"
          danger
          block
          disabled={blocked !== null}
          loading={issue.isPending}
          data-testid="session-issue"
        >
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
  const texts = useDraftTexts();
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
        {draft ? <DraftMeta draft={draft} testId="session-draft" texts={texts} /> : null}
        {session.abilities.manage ? (
          <DraftForm
            key={draft?.version ?? 0}
            draft={draft}
            canShare={session.abilities.share}
            save={(text) => sessionCommands.draft(session.id, text)}
            share={() => sessionCommands.share(session.id)}
            invalidate={[sessionKeys.all]}
            maxLength={SESSION_LIMITS.resolution}
            testId="session-draft"
            texts={texts}
          />
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
        {session.abilities.issue || session.abilities.issueBlocked !== null ? (
          <IssueForm session={session} />
        ) : null}
      </Flex>
    </Card>
  );
}
