/** Providers of the console: React Query, Ant Design (theme + locale), the router. */
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import antdEnUSModule from 'antd/es/locale/en_US.js';
import antdZhCNModule from 'antd/es/locale/zh_CN.js';
import { StrictMode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from '../lib/api.js';
import { router } from './routes.js';
import { ME_KEY } from './session.js';

type AntdLocale = NonNullable<Parameters<typeof ConfigProvider>[0]['locale']>;
/**
 * antd's ES locale files are ESM at run time, but TypeScript (NodeNext) types them as
 * CommonJS and sees `{ default }`: accept both shapes.
 */
const unwrap = (m: AntdLocale | { default: AntdLocale }): AntdLocale => ('default' in m ? m.default : m);
const antdEnUS = unwrap(antdEnUSModule);
const antdZhCN = unwrap(antdZhCNModule);

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fcc',
    // antd's derived hover (#437fd9) leaves white button text below WCAG AA contrast.
    colorPrimaryHover: '#2f6bd6',
    colorInfo: '#1f5fcc',
    borderRadius: 8,
    colorBgLayout: '#f4f6fa',
    // Grey text at the default opacity fails WCAG contrast on white; keep it darker.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // antd's default red (#ff4d4f) fails WCAG AA contrast on white: danger buttons, field errors.
    colorError: '#c41d24',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Segoe UI", Roboto, "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 24px' },
  },
};

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that ended elsewhere (expired, signed out in another tab) sends the user to sign in.
      onError: (err, query) => {
        if (err instanceof ApiError && err.status === 401 && query.queryKey[0] !== ME_KEY[0]) client.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
  });
  return client;
}

export function Root() {
  const [client] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <StrictMode>
      <QueryClientProvider client={client}>
        <ConfigProvider locale={i18n.language === 'zh-CN' ? antdZhCN : antdEnUS} theme={theme} button={{ autoInsertSpace: false }}>
          <AntApp>
            <RouterProvider router={router} />
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
