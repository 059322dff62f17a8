/** Renders its children only for a user holding the permission; others get a plain "no access" page. */
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../session.js';

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const navigate = useNavigate();
  if (!can(permission)) {
    return (
      <Result status="403" title={t('error.forbidden')} data-testid="forbidden"
        extra={<Button type="primary" onClick={() => navigate('/candidates')}>{t('error.home')}</Button>} />
    );
  }
  return children;
}
