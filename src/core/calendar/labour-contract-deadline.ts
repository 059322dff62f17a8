/**
 * The written labour contract after arrival (劳动合同法 Art.10 and Art.82): it must be
 * concluded within one month of the day employment starts; from the day after that month
 * the employer owes double wages. Pure date logic on `YYYY-MM-DD` local dates of the
 * site's time zone; instants only where a due time is placed in working hours.
 */
import type { TWorkingHours } from '../../contracts/playbook.js';
import { DomainError } from '../errors.js';
import { addLocalDays, atLocalTime, diffLocalDays, parseLocalDate, parseLocalTime } from '../time/local-time.js';

/** Step ids of the labour-contract follow-up (stable API names, like every step id). */
export const LABOUR_CONTRACT_STEP = 'contract.sign_labour_contract';
export const LABOUR_CONTRACT_ESCALATION_STEP = 'contract.escalate_executive';

/** The louder escalation is raised once fewer than this many calendar days remain. */
export const LABOUR_CONTRACT_WARN_DAYS = 5;

/**
 * The last day on which the contract is still signed in time. The month counts the day
 * employment starts as its first day, so it ends the day before the same day-of-month of
 * the next month (2027-03-15 → 2027-04-14); when the next month has no such day, the month
 * ends on that month's last day (2027-01-31 → 2027-02-28, 2028-01-31 → 2028-02-29).
 */
export function computeLabourContractDeadline(employmentStart: string): string {
  const { year, month, day } = parseLocalDate(employmentStart, 'employmentStart');
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  if (day > lastDay) return `${nextYear}-${pad(nextMonth)}-${pad(lastDay)}`;
  return addLocalDays(`${nextYear}-${pad(nextMonth)}-${pad(day)}`, -1);
}

/** The first day double wages are owed when no contract is signed (Art.82). */
export function computeDoubleWagesFrom(legalDeadline: string): string {
  return addLocalDays(legalDeadline, 1);
}

/** Whole calendar days from `today` to the deadline: 0 on the day itself, negative once passed. */
export function countDaysLeft(today: string, legalDeadline: string): number {
  return diffLocalDays(today, legalDeadline);
}

/** The end of the deadline day's working hours: the latest a contract task may be due. */
export function findDeadlineCutoff(legalDeadline: string, timeZone: string, workingHours: TWorkingHours): Date {
  return atLocalTime(legalDeadline, parseLocalTime(workingHours.end, 'workingHours.end'), timeZone);
}

/** A contract task is never due after the legal deadline, whatever its playbook offset says. */
export function clampToLegalDeadline(due: Date, legalDeadline: string, timeZone: string, workingHours: TWorkingHours): Date {
  const cutoff = findDeadlineCutoff(legalDeadline, timeZone, workingHours);
  return due.getTime() > cutoff.getTime() ? cutoff : due;
}

/**
 * When the louder escalation is raised: the start of working hours on the first day with
 * fewer than `LABOUR_CONTRACT_WARN_DAYS` calendar days left (deadline − 4 days).
 */
export function findDeadlineEscalationAt(legalDeadline: string, timeZone: string, workingHours: TWorkingHours): Date {
  const day = addLocalDays(legalDeadline, -(LABOUR_CONTRACT_WARN_DAYS - 1));
  return atLocalTime(day, parseLocalTime(workingHours.start, 'workingHours.start'), timeZone);
}

export interface TContractSigning {
  signedOn: string;
  /** Signed after the legal deadline (double wages may be owed for the gap). */
  late: boolean;
}

/**
 * The signing date HR record. A contract may be concluded before employment starts
 * (Art.10, third paragraph), so the earliest date is the day the offer was accepted; the
 * latest is today (site's local dates). Defaults to today.
 */
export function checkSigningDate(
  input: { signedOn?: string; today: string; acceptedOn: string; legalDeadline: string },
): TContractSigning {
  const signedOn = input.signedOn ?? input.today;
  parseLocalDate(signedOn, 'signedOn');
  if (diffLocalDays(input.acceptedOn, signedOn) < 0) {
    throw new DomainError('invalid_input', `the contract cannot be signed before the offer was accepted on ${input.acceptedOn}`, { field: 'signedOn' });
  }
  if (diffLocalDays(signedOn, input.today) < 0) {
    throw new DomainError('invalid_input', 'the signing date cannot be in the future', { field: 'signedOn' });
  }
  return { signedOn, late: diffLocalDays(input.legalDeadline, signedOn) > 0 };
}
