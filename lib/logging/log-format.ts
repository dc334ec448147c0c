import winston from 'winston';

const MESSAGE = Symbol.for('message');
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** @internal One JSON object a line. */
export const jsonLine = winston.format((info) => {
  (info as Record<symbol, unknown>)[MESSAGE] = JSON.stringify(info);
  return info;
});

// One readable line per record; CR, LF and ANSI escapes are shown, never obeyed (CWE-117).
export const prettyLine = winston.format((info) => {
  const { level, message, timestamp, context, ...rest } = info as Record<
    string,
    unknown
  >;
  const ctx = typeof context === 'string' ? ` [${escapeControl(context)}]` : '';
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  (info as Record<symbol, unknown>)[MESSAGE] =
    `${String(timestamp)} ${String(level).toUpperCase().padEnd(7)}${ctx} ${escapeControl(String(message))}${extra}`;
  return info;
});
