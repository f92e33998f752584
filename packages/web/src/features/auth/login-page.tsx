import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { MeDto } from '@nennep/core/accounts/types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LangSwitch } from '../../components/lang-switch';
import { Loading } from '../../components/query-state';
import { type ApiError, api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { startSession, useMe } from './session';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const next = safeNext(params.get('next'));

  const login = useMutation<MeDto, ApiError, LoginValues>({
    mutationFn: (values) => api<MeDto>('/api/auth/login', { method: 'POST', body: values, allow401: true }),
    onSuccess: (account) => {
      startSession(queryClient, account);
      navigate(next, { replace: true });
    },
    onError: (error) => {
      applyFieldErrors(form, error);
      form.setFieldValue('password', '');
    },
  });

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <div className="nn-login">
      <div className="nn-login-lang">
        <LangSwitch />
      </div>
      <Card className="nn-login-card">
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <div className="nn-brand" style={{ fontSize: 24 }}>
            <span className="nn-brand-star">★</span>
            {t('app.name')}
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t('app.tagline')}
          </Typography.Paragraph>
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        {login.error ? (
          <Alert
            type="error"
            showIcon
            title={login.error.message}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={(values) => login.mutate(values)}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('auth.username') }),
              },
            ]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
