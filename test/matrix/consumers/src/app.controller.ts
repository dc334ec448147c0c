import { Controller, Get } from '@nestjs/common';
import { LoginService } from './login.service.js';

@Controller()
export class AppController {
  constructor(private readonly logins: LoginService) {}

  @Get('boom')
  boom(): never {
    throw new Error('db down: postgres://app:consumer-secret@db.internal/orders');
  }

  @Get('login')
  login(): { ok: true } {
    this.logins.record('alice', 'consumer-hunter2');
    return { ok: true };
  }
}
