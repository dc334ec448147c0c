import { mergeSpans, type Span } from '../redaction/scanner/secret-span.js';
import { scrubText } from '../redaction/scanner/text-scanner.js';
import { readableHtml } from './html-text.js';
import {
  findSecretLeaks,
  type SecretLeak,
} from './leak-detectors/secret.leak-detector.js';

/** Longest evidence string. */
export const MAX_EVIDENCE_LENGTH = 120;
// Context kept before a match, so evidence shows what the match belongs to.
const CONTEXT_BEFORE = 30;
// Secret values shorter than this are not searched for in evidence: they would mask random letters.
const MIN_KNOWN_SECRET_LENGTH = 3;
// Each known secret is searched in every text, so their number is bounded; planted ones always count.
const MAX_FOUND_SECRETS = 64;

/** Masks every known secret in evidence: detected ones, values found elsewhere in the response, planted ones. */
export class EvidenceMasker {
  private readonly known: string[] = [];
  private found = 0;

  constructor(
    readonly censor: string,
    planted: readonly string[],
  ) {
    for (const secret of planted) this.add(secret);
  }

  /** Adds a secret value seen somewhere in the response, so it is masked wherever it shows up. */
  remember(secret: string): void {
    if (this.found >= MAX_FOUND_SECRETS) return;
    if (this.add(secret)) this.found++;
  }

  private add(secret: string): boolean {
    if (secret.length < MIN_KNOWN_SECRET_LENGTH || this.known.includes(secret))
      return false;
    this.known.push(secret);
    // Longest first, so a secret containing another is masked whole.
    this.known.sort((a, b) => b.length - a.length);
    return true;
  }

  /** Where known secrets occur in `text`. */
  knownSpans(text: string): Span[] {
    const spans: Span[] = [];
    for (const secret of this.known) {
      for (
        let at = text.indexOf(secret);
        at !== -1;
        at = text.indexOf(secret, at + secret.length)
      ) {
        spans.push({ start: at, end: at + secret.length });
      }
    }
    return spans;
  }

  /** Replaces every known secret in `text`. */
  maskKnown(text: string): string {
    let out = text;
    for (const secret of this.known) out = out.split(secret).join(this.censor);
    return out;
  }
}

/** A text a detector scanned (the body, a header value), with its secrets located once, on demand. */
export class ScannedText {
  private spans: Span[] | undefined;
  private secrets: SecretLeak[] | undefined;

  constructor(
    readonly text: string,
    readonly where: string,
    private readonly masker: EvidenceMasker,
  ) {}

  /** The evidence for a match at `[start, end)`: context around it, secrets masked, one line, ≤ 120 chars. */
  evidence(start: number, end: number): string {
    const { text } = this;
    const from = Math.max(0, start - CONTEXT_BEFORE);
    // Generous, since whitespace collapses; the result is cut to length at the end.
    const to = Math.min(
      text.length,
      Math.max(end, from + MAX_EVIDENCE_LENGTH * 2),
    );
    let window = '';
    let at = from;
    for (const span of this.secretSpans()) {
      if (span.end <= at || span.start >= to) continue;
      window += text.slice(at, Math.max(span.start, at)) + this.masker.censor;
      at = Math.min(span.end, to);
    }
    window += text.slice(at, to);
    window = readableHtml(window);
    // A second pass catches what only shows once cut out of its context.
    window = scrubText(window, this.masker.censor);
    window = this.masker.maskKnown(oneLine(window));
    let out = (from > 0 ? '…' : '') + window + (to < text.length ? '…' : '');
    out = this.masker.maskKnown(out);
    return out.length > MAX_EVIDENCE_LENGTH
      ? `${out.slice(0, MAX_EVIDENCE_LENGTH - 1)}…`
      : out;
  }

  /** The secrets the shared detectors find in this text, found once. */
  secretLeaks(): readonly SecretLeak[] {
    this.secrets ??= findSecretLeaks(this.text);
    return this.secrets;
  }

  private secretSpans(): Span[] {
    this.spans ??= mergeSpans<Span>(
      [...this.secretLeaks(), ...this.masker.knownSpans(this.text)],
      true,
    );
    return this.spans;
  }
}

const CONTROL_OR_SPACE = /[\s\p{Cc}]+/gu;

function oneLine(text: string): string {
  return text.replace(CONTROL_OR_SPACE, ' ').trim();
}
