/** The export preview's state and the action its page sends (shared by host and page). */
import { ActionReader } from './envelope';

export interface ExportPreviewState {
  title: string;
  subtitle: string;
  records: unknown[];
  pages: number;
  done: boolean;
  totalRecords?: number;
  loading: boolean;
  error?: string;
}

export type ExportPreviewAction = { type: 'next' };

export const readExportPreviewAction: ActionReader<ExportPreviewAction> = (a) => (a.type === 'next' ? { type: 'next' } : undefined);
