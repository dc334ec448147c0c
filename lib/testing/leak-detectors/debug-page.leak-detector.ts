import { exceptionTypeLeakDetector } from './exception-type.leak-detector.js';
import { stackTraceLeakDetector } from './stack-trace.leak-detector.js';
import {
  firstMatch,
  type MatchRule,
  type LeakDetector,
  type TextMatch,
} from './leak-detector.js';

const RULES: readonly MatchRule[] = [
  // Express's finalhandler outside production: the stack in a <pre>, lines joined by <br> and &nbsp;.
  { pattern: /<br>(?: ?&nbsp;){1,8} ?at /g },
  // Django with DEBUG = True.
  {
    pattern:
      /You(?:'|’|&#x27;|&#39;|&rsquo;)re seeing this error because you have <code>DEBUG = True<\/code>/g,
  },
  // Django's technical 404, which lists the app's URL patterns.
  { pattern: /\bUsing the URLconf defined in\b/g },
  { pattern: /\bDjango Version:/g },
  // Flask and the Werkzeug debugger.
  { pattern: /\bWerkzeug Debugger\b/g },
  { pattern: /\b__debugger__\b/g },
  { pattern: /The debugger caught an exception in your WSGI application/g },
  // Rails, ASP.NET, Laravel/Whoops, PHP.
  { pattern: /\bAction Controller: Exception caught\b/g },
  { pattern: /\bRails\.root: /g },
  { pattern: /\bServer Error in '[^'\n]{0,200}' Application\b/g },
  { pattern: /\bWhoops! There was an error\b/g },
  { pattern: /<title>phpinfo\(\)<\/title>/g },
];

const WHITELABEL = /\bWhitelabel Error Page\b/g;

// Spring Boot's fallback page alone only names Spring; with an exception or a trace it is a dump.
// Checked once per text, not per occurrence, to stay linear.
function whitelabelWithTrace(text: string): TextMatch | undefined {
  const page = firstMatch(text, [{ pattern: WHITELABEL }]);
  if (page === undefined) return undefined;
  const traced =
    stackTraceLeakDetector.find(text) !== undefined ||
    exceptionTypeLeakDetector.find(text) !== undefined;
  return traced ? page : undefined;
}

/** Framework debug and error pages that dump the failure: Express, Django, Werkzeug, Spring, Rails, ASP.NET. */
export const debugPageLeakDetector: LeakDetector = {
  kind: 'debug-page',
  find: (text) => firstMatch(text, RULES) ?? whitelabelWithTrace(text),
};
