import { escapeControl, safeJson } from './log-escape.js';

/** @internal Renders one record as the text of its line. */
export type LineFormat = (record: Record<string, unknown>) => string;

/** @internal One JSON object a line; no character in it can end the line or drive a terminal. */
export const jsonLine: LineFormat = (record) => safeJson(record);

const RESET = '\u001b[0m';
const LEVEL_COLOR: Record<string, string> = {
  fatal: '\u001b[97;41m',
  error: '\u001b[31m',
  warn: '\u001b[33m',
  info: '\u001b[32m',
  debug: '\u001b[35m',
  verbose: '\u001b[36m',
};
const CONTEXT_COLOR = '\u001b[33m';
const DIM = '\u001b[90m';
// Where a stack's frames start: V8 writes each as a new line of spaces, then "at ".
const FRAME = /\n(?=[ \t]+at )/;
const INDENT = '    ';

/**
 * The stack as lines: the header (name and message, whose own line breaks stay escaped) and one line per
 * frame. Only V8's frame breaks are obeyed: a message cannot add a line of its own.
 */
function stackLines(stack: string): string[] {
  return stack.split(FRAME).map((part) => escapeControl(part.trimStart()));
}

/** An error with a stack: the stack, and its other fields (its name and message are the stack's header). */
function errorWithStack(
  value: unknown,
): { stack: string; rest: Record<string, unknown> | undefined } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined;
  const { stack, name, message, ...rest } = value as Record<string, unknown>;
  if (typeof stack !== 'string') return undefined;
  const header = stack.split('\n', 1)[0]!;
  const told =
    typeof message !== 'string' || header.includes(message.split('\n', 1)[0]!);
  if (!told) rest.message = message;
  if (typeof name === 'string' && !header.startsWith(name)) rest.name = name;
  return { stack, rest: Object.keys(rest).length ? rest : undefined };
}

/**
 * @internal Readable lines for a developer's terminal: time, level, context and request ID first, the
 * other fields as compact JSON, and the error's stack below as indented lines. Every control character and
 * line separator is shown, never obeyed (CWE-117), and every line after the first is indented, so no field
 * can start a line that passes for an entry of its own. `colors` only changes the escapes around the level,
 * context and ID.
 */
export function prettyFormat(colors: boolean): LineFormat {
  const paint = (code: string | undefined, text: string) =>
    colors && code ? `${code}${text}${RESET}` : text;
  return (record) => {
    const { level, message, timestamp, context, requestId, error, ...rest } =
      record;
    const levelName = String(level);
    let head = `${String(timestamp)} ${paint(LEVEL_COLOR[levelName], levelName.toUpperCase().padEnd(7))}`;
    if (typeof context === 'string')
      head += ` ${paint(CONTEXT_COLOR, `[${escapeControl(context)}]`)}`;
    if (typeof requestId === 'string')
      head += ` ${paint(DIM, escapeControl(requestId))}`;
    head += ` ${escapeControl(String(message))}`;
    const withStack = errorWithStack(error);
    const fields: Record<string, unknown> = { ...rest };
    const errorFields = withStack ? withStack.rest : error;
    if (errorFields !== undefined) fields.error = errorFields;
    // Nest's logger.error(message, stack) leaves the stack as a field of its own.
    let stack = withStack?.stack;
    if (stack === undefined && typeof fields.stack === 'string') {
      stack = fields.stack;
      delete fields.stack;
    }
    if (Object.keys(fields).length) head += ` ${safeJson(fields)}`;
    if (stack === undefined) return head;
    return [
      head,
      ...stackLines(stack).map(
        (l, i) => (i === 0 ? INDENT : INDENT + INDENT) + l,
      ),
    ].join('\n');
  };
}
