import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsCreditCard,
  IsInt,
  IsNotEmpty,
  IsString,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';

export class OrderItemDto {
  @IsString()
  @IsNotEmpty()
  sku: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

export class PaymentDto {
  @IsCreditCard()
  cardNumber: string;

  @IsString()
  @Length(3, 4)
  cvv: string;
}

export class CreateOrderDto {
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  @ArrayMinSize(1)
  items: OrderItemDto[];

  @ValidateNested()
  @Type(() => PaymentDto)
  payment: PaymentDto;
}
