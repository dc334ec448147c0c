import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { RedactingLogger } from 'nestjs-safe-errors';
import { AppModule } from './app.module.js';

async function bootstrap(): Promise<void> {
  // Nest's own startup lines wait until the redacting logger can take them.
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  const logger = app.get(RedactingLogger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, '127.0.0.1');
  logger.log(
    `Sample app listening on http://127.0.0.1:${port} (try GET /orders/abc)`,
    'Bootstrap',
  );
}

await bootstrap();
