/**
 * Placeholder entry for the candidate portal (another issue builds it). It only marks
 * the document language from the browser so screen readers pick the right voice.
 */
document.documentElement.lang = navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
