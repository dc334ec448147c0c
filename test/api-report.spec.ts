import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The published types are reviewed through the reports in api/: a change to the public surface must come
// with a change to its report, and the report must name nothing the library keeps internal.
const root = fileURLToPath(new URL('..', import.meta.url));

// Classes, tokens and types the package uses inside and never publishes.
const INTERNAL = [
  'SafeErrorsConfig',
  'LogSink',
  'SinkLevel',
  'GuardedTransport',
  'OptionProblem',
  'Parsed',
  'RequestIdMiddleware',
  'SAFE_ERRORS_MODULE_OPTIONS',
  'FailureLog',
  'RequestFailure',
  'SecretDetector',
  'TextScanner',
  'LeakDetector',
];

describe.each(['main', 'testing'])('the %s entry point', (entry) => {
  const config = ExtractorConfig.loadFileAndPrepare(
    `${root}api/api-extractor.${entry}.json`,
  );

  it('matches its checked-in API report (run `npm run api` to update it)', () => {
    const messages: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: false,
      messageCallback: (message) => {
        if (message.logLevel === 'error' || message.logLevel === 'warning')
          messages.push(message.text);
        message.handled = true;
      },
    });
    expect(messages).toEqual([]);
    expect(result.apiReportChanged).toBe(false);
    expect(result.succeeded).toBe(true);
  });

  it('names no internal type', () => {
    const report = readFileSync(config.reportFilePath, 'utf8');
    for (const name of INTERNAL) {
      expect(report, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    const forgotten = [...report.matchAll(/The symbol "(\w+)" needs/g)].map(
      (m) => m[1],
    );
    // Nest's ConfigurableModuleBuilder makes the base class; its type is Nest's own.
    expect(forgotten).toEqual(
      entry === 'main' ? ['SafeErrorsConfigurableModule'] : [],
    );
  });
});
