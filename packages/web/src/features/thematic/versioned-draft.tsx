import { Button, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';

/** A version of a text drafted in the app: the topic paper, or the committee's draft resolution. */
export interface DraftVersion {
  version: number;
  text: string;
  createdBy: string;
  createdAt: string;
  sharedAt: string | null;
}

/** The words of one kind of draft (the paper's or the draft resolution's). */
export interface DraftTexts {
  text: string;
  save: string;
  saved: string;
  share: string;
  shared: string;
  shareConfirm: (version: number) => string;
  version: (v: DraftVersion) => string;
  sharedAt: (time: string) => string;
  notShared: string;
}

/** Which version, by whom and when, and whether it was shared; `testId` prefixes the data-testids. */
export function DraftMeta({
  draft,
  testId,
  texts,
}: {
  draft: DraftVersion;
  testId: string;
  texts: DraftTexts;
}) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" data-testid={`${testId}-version`} data-version={draft.version}>
        {texts.version(draft)}
      </Typography.Text>
      <Typography.Text
        type={draft.sharedAt ? 'success' : 'secondary'}
        data-testid={`${testId}-shared`}
        data-shared={draft.sharedAt ? 'yes' : 'no'}
      >
        {draft.sharedAt ? texts.sharedAt(formatDateTime(draft.sharedAt)) : texts.notShared}
      </Typography.Text>
    </Flex>
  );
}

/** The editor of those who draft: each save is a new version, never an overwrite; sharing sends the latest. */
export function DraftForm({
  draft,
  canShare,
  save,
  share,
  invalidate,
  maxLength,
  testId,
  texts,
}: {
  draft: DraftVersion | null;
  /** Whether the latest version may be shared now (the caller knows its rule). */
  canShare: boolean;
  save: (text: string) => Promise<unknown>;
  share: () => Promise<unknown>;
  invalidate: readonly (readonly unknown[])[];
  maxLength: number;
  testId: string;
  texts: DraftTexts;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const saving = useAction({
    form,
    mutationFn: (v: { text: string }) => save(v.text.trim()),
    success: texts.saved,
    invalidate: [...invalidate],
  });
  const sharing = useAction({ mutationFn: share, success: texts.shared, invalidate: [...invalidate] });
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      initialValues={{ text: draft?.text ?? '' }}
      onFinish={(v) => saving.mutate(v)}
      data-testid={`${testId}-form`}
    >
      <Form.Item name="text" label={texts.text} rules={[rules.required(texts.text)]}>
        <Input.TextArea
          autoSize={{ minRows: 8, maxRows: 24 }}
          maxLength={maxLength}
          data-testid={`${testId}-text`}
        />
      </Form.Item>
      <Flex wrap gap={8}>
        <Button type="primary" htmlType="submit" loading={saving.isPending} data-testid={`${testId}-save`}>
          {texts.save}
        </Button>
        {draft && canShare ? (
          <Popconfirm
            title={texts.shareConfirm(draft.version)}
            onConfirm={() => sharing.mutate(undefined)}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...{ 'data-testid': `${testId}-share-ok` } }}
          >
            <Button loading={sharing.isPending} data-testid={`${testId}-share`}>
              {texts.share}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Form>
  );
}
