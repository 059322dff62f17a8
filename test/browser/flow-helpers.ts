/**
 * What the "when plans change" browser tests share: the sign-in labels, a staff session
 * for setting things up through the API, a candidate with an accepted offer, and the
 * candidate's portal link.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness.js';

export const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
export const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };

export type StaffRole = keyof Harness['demo']['users'];
export type StaffHeaders = Record<'cookie' | 'x-csrf-token', string> & Record<string, string>;

/** A signed-in staff member's headers for `h.app.inject`. */
export async function staffHeaders(h: Harness, role: StaffRole = 'hr'): Promise<StaffHeaders> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users[role].email, password: h.demo.password } });
  if (login.statusCode !== 200) throw new Error(`login ${role}: ${login.statusCode} ${login.body}`);
  return { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json().csrfToken };
}

export const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/**
 * A candidate in Shanghai whose offer was accepted `acceptedHoursAgo` ago (one hour by
 * default): the plan starts then, and every rule that fell due since has run.
 */
export async function createAcceptedCandidate(
  h: Harness, fullName: string, opts: { startDate?: string; acceptedHoursAgo?: number; extra?: Record<string, unknown> } = {},
): Promise<string> {
  const res = await h.app.inject({
    method: 'POST', url: '/api/v1/candidates', headers: await staffHeaders(h), payload: {
      fullName, email: 'changes@example.com', roleType: 'tech', departmentId: h.demo.departments.engineering, siteId: h.demo.sites.shanghai,
      positionTitle: 'Platform Engineer', startDate: opts.startDate ?? isoDate(40), managerId: h.demo.users.manager.id, salaryMonthly: 30000, salaryMonths: 14,
      offerAcceptedAt: new Date(Date.now() - (opts.acceptedHoursAgo ?? 1) * 3_600_000).toISOString(), ...opts.extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create candidate: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** A fresh portal link for the candidate: the path to open (`/portal/#t=…`). */
export async function portalPath(h: Harness, candidateId: string): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidateId}/portal-link`, headers: await staffHeaders(h) });
  if (res.statusCode !== 201) throw new Error(`portal link: ${res.statusCode} ${res.body}`);
  return `/portal/${new URL(res.json().url).hash}`;
}

/** Switches the console to English by hand (staff profiles in the demo say zh-CN). */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('columnheader', { name: 'Start date' }).waitFor();
}

/** An instant as the console shows it (the page's own Intl, in its time zone). */
export const formatInPage = (page: Page, iso: string, lng: string) =>
  page.evaluate(([at, l]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at!)), [iso, lng]);
