/**
 * The admin screens show field errors and danger buttons (remove, revoke, disable) a lot:
 * antd's default red (#ff4d4f) fails WCAG AA contrast on white, so they use a darker one.
 */
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

export function AdminTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={{ token: { colorError: '#c41d24', colorErrorHover: '#a8071a', colorErrorActive: '#820014' } }}>{children}</ConfigProvider>;
}
