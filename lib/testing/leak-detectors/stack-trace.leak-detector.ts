import {
  ruleLeakDetector,
  type MatchRule,
  type LeakDetector,
} from './leak-detector.js';

// `at fn (`, `at async Foo.bar [as baz] (`, `at new Thing (`: the location is checked separately.
const V8_CALL =
  /\bat (?:async )?(?:new )?(?=([^\s()]{1,256}))\1(?: \[as [^\]\s]{1,100}\])? \(/g;
// What V8 prints inside the parentheses of a frame.
const V8_LOCATION =
  /^(?:(?:(?:file|node|webpack|webpack-internal|eval):|\/|[A-Za-z]:\\)[^]{0,600}:\d{1,9}:\d{1,9}|[^]{0,600}\.(?:[cm]?[jt]sx?|vue|svelte):\d{1,9}:\d{1,9}|<anonymous>|native)$/;
const MAX_LOCATION = 600;

function v8Location(match: RegExpExecArray, text: string): boolean {
  const from = match.index + match[0].length;
  const limit = Math.min(text.length, from + MAX_LOCATION);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === ')') return V8_LOCATION.test(text.slice(from, i));
    if (c === '(' || c === '\n') return false;
  }
  return false;
}

const RULES: readonly MatchRule[] = [
  { pattern: V8_CALL, accept: v8Location },
  // Anonymous V8 frames: `at /app/x.js:1:2`, `at file:///app/x.mjs:1:2`, `at node:internal/…:95:5`.
  {
    pattern:
      /\bat (?:async )?(?:file:\/\/\/?|node:|\/|[A-Za-z]:\\)(?=([^\s():]{1,600}))\1:\d{1,9}:\d{1,9}/g,
  },
  // Python.
  { pattern: /\bTraceback \(most recent call last\)/g },
  { pattern: /\bFile "[^"\n]{1,400}", line \d{1,9}/g },
  // Java, Kotlin, Scala.
  {
    pattern:
      /\bat (?:[A-Za-z_$][\w$]{0,100}\.){1,30}(?:<init>|<clinit>|[\w$]{1,100})\((?:[\w$-]{1,200}\.(?:java|kt|kts|scala|groovy|clj)(?::\d{1,9})?|Native Method|Unknown Source)\)/g,
  },
  // .NET: `at X.Y() in C:\src\X.cs:line 12`, and framework frames without a file.
  {
    pattern:
      /\bat [\w.`<>[\],+]{1,300}\([^()\n]{0,300}\) in (?:[A-Za-z]:\\|\/)[^\n:]{1,400}:line \d{1,9}/g,
  },
  { pattern: /\bat (?:System|Microsoft)\.[\w.`]{1,200}\(/g },
  {
    pattern:
      /--- End of (?:inner exception )?stack trace(?: from previous location)? ---/g,
  },
  // PHP.
  { pattern: /#\d{1,4} (?:\/|[A-Za-z]:\\)[^\n(]{1,400}\.php\(\d{1,9}\)/g },
  { pattern: /#\d{1,4} \{main\}/g },
  // Ruby and Go.
  { pattern: /\.rb:\d{1,9}:in [`'‘]/g },
  { pattern: /\bgoroutine \d{1,9} \[[a-z ]{1,40}\]:/g },
  { pattern: /\.go:\d{1,9} \+0x[0-9a-f]{1,16}\b/g },
];

/** Stack frames of V8, Python, the JVM, .NET, PHP, Ruby and Go. */
export const stackTraceLeakDetector: LeakDetector = ruleLeakDetector(
  'stack-trace',
  RULES,
);
