import {
  Body,
  Controller,
  Get,
  Injectable,
  Param,
  ParseIntPipe,
  Post,
  ValidationPipe,
  type ModuleMetadata,
} from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { IsInt, IsString, Min } from 'class-validator';
import { SafeErrorsModule } from 'nestjs-safe-errors';
import type TransportStream from 'winston-transport';

/** What the next request to /throw throws; set by the test, since any JS value can be thrown. */
@Injectable()
export class ThrowSource {
  next: () => unknown = () => undefined;
}

class ItemDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

@Controller()
class FuzzController {
  constructor(private readonly source: ThrowSource) {}

  @Get('throw')
  throwIt(): never {
    throw this.source.next();
  }

  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }

  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return body ?? null;
  }

  @Get('items/:id')
  item(@Param('id', ParseIntPipe) id: number): { id: number } {
    return { id };
  }

  @Post('items')
  create(@Body() dto: ItemDto): ItemDto {
    return dto;
  }
}

/** A small app whose only failing route throws whatever the test chose. */
export function fuzzAppMetadata(logs: TransportStream): ModuleMetadata {
  return {
    imports: [SafeErrorsModule.forRoot({ logger: { transports: [logs] } })],
    controllers: [FuzzController],
    providers: [
      ThrowSource,
      { provide: APP_PIPE, useValue: new ValidationPipe() },
    ],
  };
}
