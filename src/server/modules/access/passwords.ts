import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP's recommended minimum: m=19 MiB, t=2, p=1).
export const hashPassword = (password: string) => hash(password);

// Verifying against a fixed hash when the user does not exist keeps response times alike, so
// timing does not reveal which usernames exist.
let dummy: Promise<string> | undefined;
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('loket-timing-equaliser');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export { MIN_PASSWORD_LENGTH } from '../../../domain/credentials';
