/**
 * The export as one readable, self-contained HTML page (no scripts, no external files):
 * every value is escaped, so a name or a message holding markup shows as text.
 */
import type { CandidateExport } from './export-data.js';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

type Lang = 'zh-CN' | 'en-US';

const WORDS: Record<Lang, Record<keyof Omit<CandidateExport, 'exportedAt' | 'organisation'> | 'title' | 'intro' | 'none' | 'checklist' | 'logistics' | 'talentPool' | 'salaryRequests' | 'offerWithdrawals', string>> = {
  'zh-CN': {
    title: '我的个人信息', intro: '这是 {org} 于 {at} 保存的关于您的全部信息。', none: '无',
    profile: '基本信息', offers: 'Offer', timeline: '沟通记录', messages: '发给您的消息', consents: '同意记录',
    documents: '材料（仅元数据）', pulses: '心情反馈', tasks: '与您有关的待办', requests: '您的请求', auditEntries: '访问与修改记录', otherRecords: '其他记录',
    checklist: '入职准备清单', logistics: '报到安排', talentPool: '人才库', salaryRequests: '薪资沟通', offerWithdrawals: 'Offer 撤回',
  },
  'en-US': {
    title: 'My personal data', intro: 'Everything {org} held about you on {at}.', none: 'None',
    profile: 'Profile', offers: 'Offers', timeline: 'Timeline', messages: 'Messages sent to you', consents: 'Consents',
    documents: 'Documents (metadata only)', pulses: 'How you felt', tasks: 'Tasks about you', requests: 'Your requests', auditEntries: 'Who read or changed your data', otherRecords: 'Other records',
    checklist: 'Checklist', logistics: 'Arrival', talentPool: 'Talent pool', salaryRequests: 'Salary requests', offerWithdrawals: 'Offer withdrawals',
  },
};

const cell = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v && typeof v === 'object' ? JSON.stringify(v) : v);

function renderRecord(record: Record<string, unknown>): string {
  return `<dl>${Object.entries(record).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(cell(v))}</dd>`).join('')}</dl>`;
}

function renderTable(rows: Record<string, unknown>[], none: string): string {
  if (!rows.length) return `<p class="none">${escapeHtml(none)}</p>`;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `<div class="scroll"><table><thead><tr>${keys.map((k) => `<th scope="col">${escapeHtml(k)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${keys.map((k) => `<td>${escapeHtml(cell(r[k]))}</td>`).join('')}</tr>`).join('')
  }</tbody></table></div>`;
}

/** The HTML document in the candidate's language. */
export function renderExportHtml(data: CandidateExport, lang: Lang): string {
  const w = WORDS[lang];
  const sections = (['offers', 'timeline', 'messages', 'consents', 'documents', 'pulses', 'tasks', 'requests', 'auditEntries'] as const)
    .map((key) => `<section><h2>${escapeHtml(w[key])}</h2>${renderTable(data[key], w.none)}</section>`).join('\n')
    + Object.entries(data.otherRecords).filter(([, rows]) => rows.length)
      .map(([key, rows]) => `<section><h2>${escapeHtml((w as Record<string, string>)[key] ?? key)}</h2>${renderTable(rows, w.none)}</section>`).join('\n');
  const intro = w.intro.replace('{org}', data.organisation).replace('{at}', data.exportedAt);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)} · ${escapeHtml(data.organisation)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2329;margin:0 auto;max-width:960px;padding:16px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #dde1e6;padding-bottom:4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{color:#51565d}dd{margin:0;white-space:pre-wrap;word-break:break-word}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #dde1e6;padding:4px 6px;text-align:left;vertical-align:top;white-space:pre-wrap;word-break:break-word}
th{background:#f3f5f8}.none{color:#51565d}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(intro)}</p>
<section><h2>${escapeHtml(w.profile)}</h2>${renderRecord(data.profile)}</section>
${sections}
</main>
</body>
</html>
`;
}
