export interface Order {
  id: number;
  userId: string;
  items: { sku: string; quantity: number }[];
  total: number;
  status: 'pending' | 'paid';
}
