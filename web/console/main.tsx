/** Entry of the staff console: i18n first (with the texts registered so far), then React. */
import { createRoot } from 'react-dom/client';
import { initI18n } from '../lib/i18n.js';
import './locales/common.js';
import { collectTexts } from './locales/registry.js';
import { Root } from './root.js';

await initI18n(collectTexts());
createRoot(document.getElementById('root')!).render(<Root />);
