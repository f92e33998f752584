import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { apiPost } from '../../lib/api';
import { useAction } from '../../lib/use-action';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const change = useAction({
    mutationFn: (values: PasswordValues) =>
      apiPost('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    form,
    success: t('auth.passwordChanged'),
    onSuccess: () => form.resetFields(),
  });

  return (
    <>
      <PageHeader title={t('auth.changePasswordTitle')} />
      <Card className="nn-form">
        <Form<PasswordValues> form={form} layout="vertical" onFinish={(values) => change.mutate(values)}>
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('common.required', { field: t('auth.currentPassword') }) }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            rules={[
              { required: true, message: t('common.required', { field: t('auth.newPassword') }) },
              { min: 8, message: t('auth.passwordMin') },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required', { field: t('auth.confirmPassword') }) },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
