/** Short descriptions of resources for tree rows and tooltips: adaptor type, schedule, state. */
import { Connection, Export, Flow, Import } from '../api/types';

// Resources come from a server and may not have the types they should; every field read here is
// checked, so a malformed resource gives a shorter description instead of an exception.

/** The value when it is a non-empty string. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** "HTTPExport" → "HTTP"; "NetSuiteDistributedImport" → "NetSuite". */
export function adaptorLabel(value: unknown): string | undefined {
  const adaptorType = textOf(value);
  if (!adaptorType) return undefined;
  return adaptorType.replace(/(Distributed)?(Export|Import)$/, '') || adaptorType;
}

export function describeExport(exp: Export): string {
  const adaptor = adaptorLabel(exp.adaptorType);
  const parts = [adaptor];
  const type = textOf(exp.type);
  if (exp.isLookup === true) parts.push('lookup');
  else if (type && type.toLowerCase() !== adaptor?.toLowerCase()) parts.push(type); // not "Webhook · webhook"
  return parts.filter(Boolean).join(' · ');
}

export function describeImport(imp: Import): string {
  return adaptorLabel(imp.adaptorType) ?? '';
}

export function describeConnection(connection: Connection): string {
  const parts = [textOf(connection.type)];
  if (connection.offline === true) parts.push('offline');
  return parts.filter(Boolean).join(' · ');
}

export function describeFlow(flow: Flow): string {
  if (flow.disabled === true) return 'disabled';
  if (typeof flow.schedule === 'string' && flow.schedule.trim()) return describeSchedule(flow.schedule);
  const realtime = Array.isArray(flow.pageGenerators) && flow.pageGenerators.length > 0 && !flow.schedule;
  return realtime ? 'on demand or real-time' : '';
}

/**
 * A readable form of integrator.io's 6-field cron (`? min hour dom month dow`) for the common
 * cases; the raw expression otherwise.
 */
export function describeSchedule(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) return cron;
  const [, minute = '', hour = '', dom = '', month = '', dow = ''] = fields;
  const anyDay = (dom === '?' || dom === '*') && month === '*' && (dow === '*' || dow === '?');
  const everyMinutes = /^\*\/(\d+)$/.exec(minute);
  if (everyMinutes && hour === '*' && anyDay) return `every ${everyMinutes[1]} min`;
  if (/^\d+$/.test(minute) && hour === '*' && anyDay) return minute === '0' ? 'hourly' : `hourly at :${minute.padStart(2, '0')}`;
  const everyHours = /^\*\/(\d+)$/.exec(hour);
  if (/^\d+$/.test(minute) && everyHours && anyDay) return `every ${everyHours[1]} h`;
  if (/^\d+$/.test(minute) && /^\d+$/.test(hour)) {
    const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
    if (anyDay) return `daily at ${time}`;
    if ((dom === '?' || dom === '*') && month === '*' && dow === '1-5') return `weekdays at ${time}`;
  }
  return cron;
}
