/**
 * Client of the playbook editor: versions, saving a new version and the preview of an
 * unsaved definition. A refused definition throws ApiError naming the first field
 * (`steps[3].offset`); `problemsOf` reads every problem the server listed.
 */
import type { TPlaybook, TPlaybookStep } from '../../src/contracts/playbook.js';
import type {
  TPlaybookCatalog, TPlaybookList, TPlaybookPreview, TPlaybookProblem, TPlaybookVersion, TPlaybookVersionInfo, TPreviewSubject,
} from '../../src/contracts/playbooks.js';
import { ApiError, request } from './api.js';

export type { TPlaybook, TPlaybookCatalog, TPlaybookList, TPlaybookPreview, TPlaybookProblem, TPlaybookStep, TPlaybookVersion, TPlaybookVersionInfo, TPreviewSubject };

const id = (value: string) => encodeURIComponent(value);

/** The definition the editor sends: a name and the steps. */
export interface TPlaybookDraftInput {
  name: string;
  steps: TPlaybookStep[];
}

export const playbooksApi = {
  list: () => request<TPlaybookList>('GET', '/playbooks'),
  version: (key: string, version: number) => request<TPlaybookVersion>('GET', `/playbooks/${id(key)}/versions/${version}`),
  save: (key: string, baseVersion: number, draft: TPlaybookDraftInput) =>
    request<TPlaybookVersion>('POST', `/playbooks/${id(key)}/versions`, { baseVersion, ...draft }),
  preview: (key: string, draft: TPlaybookDraftInput, candidate: TPreviewSubject) =>
    request<TPlaybookPreview>('POST', `/playbooks/${id(key)}/preview`, { ...draft, candidate }),
};

/** Every field-level problem of a refused definition (empty for other errors). */
export function problemsOf(err: unknown): TPlaybookProblem[] {
  if (!(err instanceof ApiError) || err.status !== 400) return [];
  const listed = err.details?.problems;
  if (Array.isArray(listed)) return listed as TPlaybookProblem[];
  return err.field ? [{ field: err.field, code: 'invalid', message: err.message }] : [];
}
