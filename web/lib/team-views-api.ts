/**
 * Client of the team views: the hiring manager's home and the logistics board. Items are
 * completed through the task API (`api.completeTask`), which records the touch and the audit.
 */
import type {
  THireStep, TLogisticsBoard, TLogisticsBoardQuery, TLogisticsBoardRow, TMyHire, TMyHires, TMyHiresQuery, TPrepItem, TPrepItemKind,
} from '../../src/contracts/team-views.js';
import { request } from './api.js';

export type { THireStep, TLogisticsBoard, TLogisticsBoardRow, TMyHire, TMyHires, TPrepItem, TPrepItemKind };
export type LogisticsBoardQuery = Partial<TLogisticsBoardQuery>;

function toQuery(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const teamViewsApi = {
  /** The signed-in manager's incoming hires with their intro call, meeting and day-one check. */
  myHires: (query: Partial<TMyHiresQuery> = {}) => request<TMyHires>('GET', `/me/hires${toQuery(query)}`),
  /** First-day preparation by start date (defaults: the next four weeks). */
  logisticsBoard: (query: LogisticsBoardQuery = {}) => request<TLogisticsBoard>('GET', `/logistics-board${toQuery(query)}`),
};
