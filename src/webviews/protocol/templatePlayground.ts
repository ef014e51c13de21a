/** The Handlebars playground's state and the actions its page sends (shared by host and page). */
import { ActionReader, field } from './envelope';

export interface TemplatePlaygroundState {
  title: string;
  subtitle: string;
  /** The template as the user edits it here (Apply writes it into the document). */
  template: string;
  /** The sample records, as JSON text the user edits here. */
  records: string;
  recordsError?: string;
  /** Which record of the sample the output is for, and how many there are. */
  recordIndex: number;
  recordCount: number;
  output?: string;
  /** Why there is no output: the template's problem, with its line and column. */
  problem?: string;
  /** What the editor underlines in the template. */
  findings: { severity: 'error' | 'warning'; message: string; line: number; column: number }[];
  /** How `{{ }}` is escaped in this field: html, url, sql. */
  escape: string;
  evaluating: boolean;
  /** The template differs from the document's; Apply writes it. */
  changed: boolean;
  /** Set after Apply: the document holds the template, unsaved. */
  applied?: boolean;
}

export type TemplatePlaygroundAction = { type: 'edit'; template?: string; records?: string; recordIndex?: number } | { type: 'apply' };

const MAX_TEXT = 5 * 1024 * 1024;

export const readTemplatePlaygroundAction: ActionReader<TemplatePlaygroundAction> = (a) => {
  if (a.type === 'apply') return { type: 'apply' };
  if (a.type !== 'edit') return undefined;
  if (a.template !== undefined && !field.string(a.template, MAX_TEXT)) return undefined;
  if (a.records !== undefined && !field.string(a.records, MAX_TEXT)) return undefined;
  if (a.recordIndex !== undefined && !field.index(a.recordIndex)) return undefined;
  return {
    type: 'edit',
    ...(a.template !== undefined ? { template: a.template } : {}),
    ...(a.records !== undefined ? { records: a.records } : {}),
    ...(field.index(a.recordIndex) ? { recordIndex: a.recordIndex } : {}),
  };
};
