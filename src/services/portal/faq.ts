import { z } from 'zod';
import type { TPortalFaq } from '../../contracts/portal-extras.js';
import type { Deps } from '../deps.js';
import { QUESTION_STEP } from './ask-question.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';
import { loadOrgSettings } from './portal-guards.js';

type Lang = 'zh-CN' | 'en-US';
const ZText = z.object({ 'zh-CN': z.string().trim().min(1).max(4000), 'en-US': z.string().trim().min(1).max(4000) });
/** Org settings `faq: [{ id, question: { zh-CN, en-US }, answer: { zh-CN, en-US } }]` replace the defaults. */
const ZFaqSettings = z.array(z.object({ id: z.string().trim().min(1).max(60), question: ZText, answer: ZText })).min(1).max(50);
type FaqEntry = z.infer<typeof ZFaqSettings>[number];

/** The defaults: what new hires ask most between offer and first day (source: DESIGN's seed document). */
export const DEFAULT_FAQ: FaqEntry[] = [
  {
    id: 'bring',
    question: { 'zh-CN': '入职当天需要带什么？', 'en-US': 'What should I bring on my first day?' },
    answer: {
      'zh-CN': '请带上：身份证原件及复印件、学历学位证书原件及复印件、上一家单位的离职证明（复印件各 2 份，正反面复印）；一寸免冠彩色照片 4 张（蓝底或白底）；社保公积金转移手册（如有）；工资卡复印件（请提前确认开户行信息）。已在“入职准备清单”里上传并通过预审的材料，当天只需带原件核对。',
      'en-US': 'Please bring: your ID card and a copy, your degree and diploma certificates and copies, and the separation certificate from your last employer (two copies of each, both sides); four passport-size colour photos (blue or white background); your social-insurance and housing-fund transfer booklet if you have one; and a copy of the bank card your salary should go to (check the bank branch details beforehand). For anything already pre-reviewed in your checklist, bring only the original for a quick look.',
    },
  },
  {
    id: 'first-week',
    question: { 'zh-CN': '第一天和第一周怎么安排？', 'en-US': 'What happens on my first day and in my first week?' },
    answer: {
      'zh-CN': '第一天上午请按报到时间到 HR 处报到，会有同事在门口接您。HR 会和您一起签订劳动合同、办理门禁卡，填写《入职登记表》，然后带您认识团队、熟悉办公环境（茶水间、会议室等）。您的工位、电脑和工牌会提前准备好。下班前 HR 和直属上级会和您简单聊聊当天的感受。第一周的具体目标，直属上级会在入职前的电话和预入职沟通会中和您沟通。',
      'en-US': 'On the morning of your first day, come to HR at your arrival time; a colleague will meet you at the entrance. HR will sign your employment contract with you, set up your access card and the registration form, then introduce you to the team and show you around (pantry, meeting rooms and so on). Your desk, computer and badge will be ready. Before you leave, HR and your manager will check in on how the day went. Your manager will talk through your first-week goals in their call with you and in the pre-onboarding meeting.',
    },
  },
  {
    id: 'probation',
    question: { 'zh-CN': '试用期多长？怎么考核？', 'en-US': 'How long is probation and how is it assessed?' },
    answer: {
      'zh-CN': '试用期的期限以您的 offer 和劳动合同为准。考核标准会在 offer 确认电话中说明，直属上级会在入职后和您一起确定具体目标。有任何疑问，可以在“提问”里问 HR，或在预入职沟通会上提出。',
      'en-US': 'The length of probation is the one in your offer and employment contract. HR explains how it is assessed in the offer confirmation call, and your manager sets concrete goals with you after you join. If anything is unclear, ask HR under "Ask" or bring it up in the pre-onboarding meeting.',
    },
  },
  {
    id: 'social-insurance',
    question: { 'zh-CN': '社保和公积金怎么缴纳？', 'en-US': 'How do social insurance and the housing fund work?' },
    answer: {
      'zh-CN': '公司会按工作地的规定，从您入职当月起为您缴纳社会保险和住房公积金，缴纳比例以当地政策为准，HR 在 offer 确认电话中会说明。如果您需要转移社保或公积金，请带上转移手册，并提前在原单位办好减员手续。',
      'en-US': 'The company pays your social insurance and housing fund from the month you join, at the rates the local rules set; HR explains them in the offer confirmation call. If you are transferring accounts, bring your transfer booklet and make sure your previous employer has closed their side first.',
    },
  },
  {
    id: 'handover',
    question: { 'zh-CN': '原单位交接时间长，或需要开具入职证明怎么办？', 'en-US': 'My handover takes longer, or I need an employment certificate. What now?' },
    answer: {
      'zh-CN': '请尽早告诉我们。需要入职证明等材料，可以在“提问”里告诉 HR；需要推迟入职日期，可以在“有变化”里提出，HR 会在一个工作日内和您联系，一起商量方案。',
      'en-US': 'Tell us early. For an employment certificate or similar papers, ask HR under "Ask"; to move your start date, use "Something changed" and HR will contact you within one business day to work it out together.',
    },
  },
  {
    id: 'no-deposit',
    question: { 'zh-CN': '入职前需要签协议或交押金吗？', 'en-US': 'Do I have to sign an agreement or pay a deposit before I join?' },
    answer: {
      'zh-CN': '不需要。入职前我们不会要求您签订有约束力的协议，也不会收取任何押金或保证金，也不会询问与工作无关的个人信息。如果有人这样要求，请直接联系 HR。',
      'en-US': 'No. We never ask you to sign a binding agreement before you join, never charge a deposit or guarantee money, and never ask for personal information unrelated to the job. If anyone asks you to, please contact HR directly.',
    },
  },
];

/** The org's FAQ in one language (a malformed setting falls back to the defaults). */
export function readFaq(settings: Record<string, unknown>, language: Lang) {
  const parsed = ZFaqSettings.safeParse(settings.faq);
  const entries = parsed.success ? parsed.data : DEFAULT_FAQ;
  return entries.map((e) => ({ id: e.id, question: e.question[language], answer: e.answer[language] }));
}

/** Common questions, then the candidate's own questions each with the answers HR gave. */
export async function getPortalFaq(deps: Deps, who: PortalPrincipal): Promise<TPortalFaq> {
  const c = await loadPortalCandidate(deps, who);
  const org = await loadOrgSettings(deps, who.orgId);
  const [questions, answers] = await Promise.all([
    deps.db.selectFrom('touches').select(['id', 'content', 'summary', 'occurred_at'])
      .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).where('step_id', '=', QUESTION_STEP)
      .where('direction', '=', 'inbound').orderBy('occurred_at').limit(200).execute(),
    deps.db.selectFrom('portal_answers as pa')
      .innerJoin('touches as t', (j) => j.onRef('t.org_id', '=', 'pa.org_id').onRef('t.id', '=', 'pa.answer_touch_id'))
      .select(['pa.question_touch_id', 't.id', 't.content', 't.occurred_at'])
      .where('pa.org_id', '=', who.orgId).where('pa.candidate_id', '=', who.candidateId).orderBy('t.occurred_at').execute(),
  ]);
  return {
    items: readFaq(org.settings, c.language === 'en-US' ? 'en-US' : 'zh-CN'),
    questions: questions.map((q) => ({
      id: q.id, text: q.content || q.summary, at: q.occurred_at.toISOString(),
      answers: answers.filter((a) => a.question_touch_id === q.id).map((a) => ({ id: a.id, text: a.content, at: a.occurred_at.toISOString() })),
    })),
  };
}
