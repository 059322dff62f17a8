/** Email + password sign-in; the server's answer is shown above the form. */
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../lib/api.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { acceptSession, useMe } from '../session.js';
import '../locales/login.js';

interface LoginFields { email: string; password: string }

/** Only same-site paths are followed after sign-in; without one, `/` sends each role to its own home page. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function LoginPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const onFinish = async ({ email, password }: LoginFields) => {
    setBusy(true);
    setError(null);
    try {
      const session = await api.login(email.trim(), password);
      await acceptSession(client, session);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setBusy(false);
    }
  };

  const errorText = error && (
    error.code === 'invalid_credentials' ? t('login.invalidCredentials')
      : error.status === 429 ? t('login.rateLimited')
        : error.message
  );

  return (
    <main className="pb-login">
      <Card className="pb-login-card" variant="borderless" style={{ boxShadow: '0 8px 32px rgba(31, 95, 204, 0.08)' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 24 }}>
          <Flex align="center" gap={10}>
            <span className="pb-brand-mark" aria-hidden="true">P</span>
            <span className="pb-brand-name">{t('app.name')}</span>
          </Flex>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>{t('login.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {errorText && (
          <Alert type="error" showIcon role="alert" title={t('login.failed')} description={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginFields> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={busy}>
          <Form.Item
            label={t('login.email')} name="email"
            rules={[{ required: true, message: t('login.emailRequired') }, { type: 'email', message: t('login.emailInvalid') }]}
          >
            <Input prefix={<MailOutlined aria-hidden="true" />} autoComplete="username" inputMode="email" size="large" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, textAlign: 'center', fontSize: 12 }}>
          {t('app.tagline')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
