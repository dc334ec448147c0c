import { escapeControl, safeJson } from './log-escape.js';

/** @internal Renders one record as the text of its line. */
export type LineFormat = (record: Record<string, unknown>) => string;

/** @internal One JSON object a line; no character in it can end the line or drive a terminal. */
export const jsonLine: LineFormat = (record) => safeJson(record);

// One readable line per record; every control character and line separator is shown, never obeyed (CWE-117).
export const prettyLine: LineFormat = (record) => {
  const { level, message, timestamp, context, ...rest } = record;
  const ctx = typeof context === 'string' ? ` [${escapeControl(context)}]` : '';
  const extra = Object.keys(rest).length ? ` ${safeJson(rest)}` : '';
  return `${String(timestamp)} ${String(level).toUpperCase().padEnd(7)}${ctx} ${escapeControl(String(message))}${extra}`;
};
