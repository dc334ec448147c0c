import { scrubText } from '../redaction/scanner/text-scanner.js';
import { DEFAULT_CENSOR } from '../redaction/redact.constants.js';
import type { AuditFinding } from './audit.kinds.js';
import type { Probe } from './audit.probes.js';

const BEFORE = 30;
const MAX_EVIDENCE = 120;

/**
 * The probe's own input in the answer: a body or header value that only this request carried
 * (`probe.reflects`), echoed back, e.g. a parser error quoting the malformed JSON. Paths are not
 * judged: a 404 naming the route it did not find is every framework's default.
 */
export function findReflection(
  probe: Probe,
  body: Buffer,
): AuditFinding | undefined {
  if (probe.reflects === undefined) return undefined;
  const text = body.toString('utf8');
  const at = text.indexOf(probe.reflects);
  if (at === -1) return undefined;
  const from = Math.max(0, at - BEFORE);
  const excerpt = scrubText(
    text.slice(from, from + MAX_EVIDENCE * 2),
    DEFAULT_CENSOR,
  )
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
  const shown = (from > 0 ? '…' : '') + excerpt;
  return {
    kind: 'reflected-input',
    where: 'body',
    evidence:
      shown.length > MAX_EVIDENCE
        ? `${shown.slice(0, MAX_EVIDENCE - 1)}…`
        : shown,
  };
}
