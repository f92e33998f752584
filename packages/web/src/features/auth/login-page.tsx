import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { MeDto } from '@nennep/core/accounts/types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form } from 'antd';
// Input and its Password straight from their modules: `Input` from 'antd' brings TextArea, Search and
// OTP into the sign-in page's JavaScript (issue 14).
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LangSwitch } from '../../components/lang-switch';
import { Loading } from '../../components/query-state';
import { type ApiError, api } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { forgetSignedOut, justSignedOut, startSession, useMe } from './session';

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
  const [loggedOut] = useState(justSignedOut);
  useEffect(forgetSignedOut, []);
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
      {/* Plain elements styled as a card (styles.css): antd's Card and Typography would bring tabs,
          dropdowns, text areas and tooltips into the sign-in page's JavaScript (issue 14). */}
      <main className="nn-login-card">
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <div className="nn-brand" style={{ fontSize: 24 }}>
            <span className="nn-brand-star">★</span>
            {t('app.name')}
          </div>
          <p className="nn-login-tagline">{t('app.tagline')}</p>
        </div>
        <h1 className="nn-login-title">{t('auth.loginTitle')}</h1>
        {/* Notices as plain boxes (styles.css), not antd's Alert with its icons (issue 14). */}
        {loggedOut && !login.error ? (
          <div role="status" className="nn-login-notice" data-testid="login-logged-out">
            {t('auth.loggedOut')}
          </div>
        ) : null}
        {login.error ? (
          <div role="alert" className="nn-login-notice nn-login-notice-error" data-testid="login-error">
            {login.error.message}
          </div>
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
            <Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </main>
    </div>
  );
}
