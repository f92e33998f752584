import { Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { memberKeys } from '../../lib/member-list';
import { useAction } from '../../lib/use-action';
import { orgKeys } from '../orgs/api';
import { memberCommands } from './api';
import { MemberFields, type MemberFormValues, toMemberInput } from './member-fields';
import { memberLink } from './member-tags';

export function MemberCreatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<MemberFormValues>();
  const create = useAction({
    mutationFn: (v: MemberFormValues) => memberCommands.create(toMemberInput(v)),
    form,
    success: t('members.created'),
    invalidate: [memberKeys.all, orgKeys.all],
    onSuccess: (member, v) => navigate(memberLink(member?.memberCode ?? v.memberCode.trim())),
  });
  return (
    <>
      <PageHeader title={t('members.createTitle')} />
      <Card className="nn-form">
        <Form<MemberFormValues>
          form={form}
          layout="vertical"
          initialValues={{
            orgCode: params.get('org') ?? undefined,
            status: 'probationary',
            position: 'member',
          }}
          onFinish={(v) => create.mutate(v)}
          scrollToFirstError
          data-testid="member-create-form"
        >
          <MemberFields mode="create" />
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="member-create-submit"
          >
            {t('common.save')}
          </Button>
          <Button style={{ marginInlineStart: 8 }} onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
