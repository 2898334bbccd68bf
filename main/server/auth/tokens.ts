/**
 * Sign-in tokens: JWTs signed with HS256 (jose), carrying the account name
 * (`sub`) and role, issued by this server, expiring after a set time. The
 * secret is kept in the store (generated on first start) unless given.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { NewsroomStore, Role } from '../store/store';
import { ROLES } from '../store/store';

const ISSUER = 'folio-newsroom';

export interface TokenClaims {
  user: string;
  role: Role;
}

export class TokenService {
  private constructor(
    private readonly key: Uint8Array,
    readonly ttlSeconds: number,
  ) {}

  static async create(
    store: NewsroomStore,
    options: { secret?: string | null; ttlSeconds: number },
  ): Promise<TokenService> {
    let secret = options.secret ?? (await store.getSetting('token-secret'));
    if (!secret) {
      secret = randomBytes(32).toString('base64');
      await store.putSetting('token-secret', secret);
    }
    return new TokenService(new TextEncoder().encode(secret), options.ttlSeconds);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: string }> {
    const expires = Math.floor(Date.now() / 1000) + this.ttlSeconds;
    const token = await new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.user)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(this.key);
    return { token, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** The token's claims, or an error message saying why it is refused. */
  async verify(token: string): Promise<TokenClaims | { refused: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const role = payload.role as Role;
      if (typeof payload.sub !== 'string' || !ROLES.includes(role)) return { refused: 'token-invalid' };
      return { user: payload.sub, role };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { refused: 'token-expired' };
      return { refused: 'token-invalid' };
    }
  }
}
