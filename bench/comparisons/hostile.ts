import { createRedactor, redact, type Redactor } from '../../lib/index.js';
import { collectGarbage, type BenchConfig } from '../support/config.js';
import {
  HOSTILE_INPUTS,
  inputBytes,
  randomLike,
} from '../support/hostile-inputs.js';
import {
  alternate,
  ceiling,
  type Comparison,
  type Side,
} from '../support/stats.js';

/** Bytes of each text input: four strings of the default maxStringLength, every character scanned. */
const TEXT_BYTES = 64 * 1024;
/** Hostile time per byte may be at most this many times random text's. */
const GOAL = 3;

// Written to, so no engine can drop a serialisation whose result is unused.
let written = 0;

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * CPU µs per input byte of `JSON.stringify(redactor(input))`, over calls repeated for at least `timeMs`.
 * No tinybench: one call of the largest inputs takes tens of ms, and its minimum of 8 would multiply that.
 */
function perByteSide(
  name: string,
  redactor: Redactor,
  input: unknown,
  bytes: number,
  timeMs: number,
): Side {
  return {
    name,
    measure: () => {
      let calls = 0;
      const start = cpuMicros();
      let elapsed = 0;
      do {
        written += JSON.stringify(redactor(input)).length;
        calls++;
        elapsed = cpuMicros() - start;
      } while (elapsed < timeMs * 1000);
      return Promise.resolve(elapsed / calls / bytes);
    },
  };
}

export async function hostileComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  const out: Comparison[] = [];
  const timeMs = config.quick ? 10 : 50;
  for (const generator of HOSTILE_INPUTS) {
    const input = generator.make(TEXT_BYTES);
    const random = randomLike(input, generator.kind);
    const bytes = inputBytes(input, generator.kind);
    const redactor =
      generator.options === undefined
        ? redact
        : createRedactor(generator.options);
    config.log(`  hostile: ${generator.name} (${bytes} bytes)`);
    const samples = await alternate(
      [
        perByteSide('hostile', redactor, input, bytes, timeMs),
        perByteSide('random', redactor, random, bytes, timeMs),
      ],
      { rounds: config.microRounds, between: collectGarbage, log: config.log },
    );
    const hostile = samples.get('hostile') ?? [];
    const baseline = samples.get('random') ?? [];
    // Each round's two sides ran back to back: their ratio cancels most of the machine's drift.
    const ratios = hostile.map((h, i) => h / baseline[i]);
    out.push(
      ceiling(
        {
          name: `hostile input vs random text per byte: ${generator.name}`,
          unit: '× random',
          limit: GOAL,
          note: `JSON.stringify(redact(x)), ${bytes} bytes each side${
            generator.options === undefined
              ? ''
              : `, options ${JSON.stringify(generator.options)}`
          }`,
        },
        ratios,
      ),
    );
  }
  if (written === 0) throw new Error('nothing was serialised');
  return out;
}
