import { DEFAULT_CENSOR } from '../redaction/redact.constants.js';
import { EvidenceMasker, ScannedText } from '../testing/leak-evidence.js';
import type { AuditFinding } from './audit.kinds.js';
import type { Probe } from './audit.probes.js';

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
  // The excerpt as findLeaks cuts its evidence: context, secrets masked, one line.
  const scanned = new ScannedText(
    text,
    'body',
    new EvidenceMasker(DEFAULT_CENSOR, []),
  );
  return {
    kind: 'reflected-input',
    where: 'body',
    evidence: scanned.evidence(at, at + probe.reflects.length),
  };
}
