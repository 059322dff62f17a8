/** Entry of the staff console: i18n first, then React. */
import { createRoot } from 'react-dom/client';
import { initI18n } from '../lib/i18n.js';
import { enUS } from './locales/en-US.js';
import { zhCN } from './locales/zh-CN.js';
import { Root } from './root.js';

await initI18n({ 'zh-CN': zhCN, 'en-US': enUS });
createRoot(document.getElementById('root')!).render(<Root />);
