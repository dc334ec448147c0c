import {
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';

/** The demo's only credential. A real app verifies a signed token. */
export const DEMO_TOKEN = 'demo-token';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: { id: string; name: string };
}

@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthRequest>();
    if (request.headers.authorization !== `Bearer ${DEMO_TOKEN}`) {
      throw new UnauthorizedException();
    }
    request.user = { id: 'u_42', name: 'Ada' };
    return true;
  }
}
