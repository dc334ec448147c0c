import { Injectable } from '@nestjs/common';
import { RedactingLogger } from 'nestjs-safe-errors';

@Injectable()
export class LoginService {
  private readonly logger: RedactingLogger;

  constructor(logger: RedactingLogger) {
    this.logger = logger.forContext(LoginService.name);
  }

  // Logs the whole attempt, password included, as a hurried service would.
  record(user: string, password: string): void {
    this.logger.log('login attempt', { user, password });
  }
}
