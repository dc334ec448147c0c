import winston from 'winston';
import { escapeControl, safeJson } from './log-escape.js';

const MESSAGE = Symbol.for('message');

/** @internal One JSON object a line; no character in it can end the line or drive a terminal. */
export const jsonLine = winston.format((info) => {
  (info as Record<symbol, unknown>)[MESSAGE] = safeJson(info);
  return info;
});

// One readable line per record; every control character and line separator is shown, never obeyed (CWE-117).
export const prettyLine = winston.format((info) => {
  const { level, message, timestamp, context, ...rest } = info as Record<
    string,
    unknown
  >;
  const ctx = typeof context === 'string' ? ` [${escapeControl(context)}]` : '';
  const extra = Object.keys(rest).length ? ` ${safeJson(rest)}` : '';
  (info as Record<symbol, unknown>)[MESSAGE] =
    `${String(timestamp)} ${String(level).toUpperCase().padEnd(7)}${ctx} ${escapeControl(String(message))}${extra}`;
  return info;
});
