import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { type ThematicRegistrationDto, thematicCommands, thematicKeys } from './api';

type Paper = NonNullable<ThematicRegistrationDto['paper']>;

function PaperMeta({ paper }: { paper: Paper }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" data-testid="thematic-paper-version" data-version={paper.version}>
        {t('thematic.paper.version', {
          version: paper.version,
          name: paper.createdBy,
          time: formatDateTime(paper.createdAt),
        })}
      </Typography.Text>
      <Typography.Text
        type={paper.sharedAt ? 'success' : 'secondary'}
        data-testid="thematic-paper-shared"
        data-shared={paper.sharedAt ? 'yes' : 'no'}
      >
        {paper.sharedAt
          ? t('thematic.paper.sharedAt', { time: formatDateTime(paper.sharedAt) })
          : t('thematic.paper.notShared')}
      </Typography.Text>
    </Flex>
  );
}

/** The editor of those who draft (the presenters, the secretary): each save is a new version, never an overwrite. */
function PaperEditor({ reg, canShare }: { reg: ThematicRegistrationDto; canShare: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const save = useAction({
    form,
    mutationFn: (v: { text: string }) => thematicCommands.draftPaper(reg.id, v.text.trim()),
    success: t('thematic.paper.saved'),
    invalidate: [thematicKeys.all],
  });
  const share = useAction({
    mutationFn: () => thematicCommands.sharePaper(reg.id),
    success: t('thematic.paper.shared'),
    invalidate: [thematicKeys.all],
  });
  const paper = reg.paper;
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      initialValues={{ text: paper?.text ?? '' }}
      onFinish={(v) => save.mutate(v)}
      data-testid="thematic-paper-form"
    >
      <Form.Item
        name="text"
        label={t('thematic.paper.text')}
        rules={[rules.required(t('thematic.paper.text'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 8, maxRows: 24 }}
          maxLength={THEMATIC_LIMITS.paper}
          data-testid="thematic-paper-text"
        />
      </Form.Item>
      <Flex wrap gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="thematic-paper-save">
          {t('thematic.paper.save')}
        </Button>
        {canShare && paper && !paper.sharedAt ? (
          <Popconfirm
            title={t('thematic.paper.shareConfirm', { version: paper.version })}
            onConfirm={() => share.mutate(undefined)}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...{ 'data-testid': 'thematic-paper-share-ok' } }}
          >
            <Button loading={share.isPending} data-testid="thematic-paper-share">
              {t('thematic.paper.share')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Form>
  );
}

/**
 * The topic paper (tham luận): drafted version by version, shared with the members before the meeting for
 * their comments (HD 42-HD/BTCTW (28/10/2025): materials published at least one day before). Members read
 * the latest shared version.
 */
export function PaperCard({
  reg,
  canDraft,
  canShare,
}: {
  reg: ThematicRegistrationDto;
  canDraft: boolean;
  canShare: boolean;
}) {
  const { t } = useTranslation();
  const accepted = reg.status === 'registered' || reg.status === 'approved';
  const paper = reg.paper;
  return (
    <Card
      size="small"
      title={t('thematic.paper.title')}
      extra={
        <span data-testid="thematic-paper-versions">
          {t('thematic.paper.versions', { count: reg.versions })}
        </span>
      }
    >
      <Flex vertical gap={8}>
        {paper ? <PaperMeta paper={paper} /> : null}
        {!accepted ? (
          <Alert type="info" showIcon title={t('thematic.paper.notAccepted')} />
        ) : canDraft ? (
          <PaperEditor key={paper?.version ?? 0} reg={reg} canShare={canShare} />
        ) : paper ? (
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
            data-testid="thematic-paper-read"
          >
            {paper.text}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('thematic.paper.notYet')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
