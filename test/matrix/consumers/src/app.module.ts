import { Module } from '@nestjs/common';
import { SafeErrorsModule } from 'nestjs-safe-errors';
import { AppController } from './app.controller.js';
import { LoginService } from './login.service.js';

@Module({
  imports: [SafeErrorsModule.forRoot()],
  controllers: [AppController],
  providers: [LoginService],
})
export class AppModule {}
