import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import { RedactingLogger, SafeErrorsModule } from 'nestjs-safe-errors';

@Injectable()
class Repo {}

@Injectable()
class ServiceUnderTest {
  constructor(
    readonly repo: Repo,
    readonly logger: RedactingLogger,
  ) {}
}

@Module({ providers: [Repo, ServiceUnderTest] })
class FeatureModule {}

describe('decorator metadata under the test transformer', () => {
  it('injects by type, RedactingLogger included, from a global SafeErrorsModule', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SafeErrorsModule.forRoot(), FeatureModule],
    }).compile();
    const service = moduleRef.get(ServiceUnderTest);
    expect(service.repo).toBeInstanceOf(Repo);
    expect(service.logger).toBeInstanceOf(RedactingLogger);
    expect(service.logger).toBe(moduleRef.get(RedactingLogger));
    await moduleRef.close();
  });

  it('isGlobal: false keeps the logger out of other modules', async () => {
    await expect(
      Test.createTestingModule({
        imports: [SafeErrorsModule.forRoot({ isGlobal: false }), FeatureModule],
      }).compile(),
    ).rejects.toThrow(/RedactingLogger/);
  });
});
