import { eq } from 'drizzle-orm';
import { DomainError, isLanguage, DEFAULT_LANGUAGE } from '@parc/shared';
import { MAX_LOGO_BYTES, type Appearance, type AppearanceUpdate, type Brand, type LogoUpload } from '@parc/shared/contracts/appearance';
import type { Db } from '../../db/client.ts';
import { partnerLogos, partners } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';

type PartnerRow = typeof partners.$inferSelect;

function toAppearance(partner: PartnerRow): Appearance {
  return {
    name: partner.name,
    brandColour: partner.brandColour,
    logoUrl: partner.logoUrl,
    senderEmail: partner.senderEmail,
    defaultLanguage: isLanguage(partner.defaultLanguage) ? partner.defaultLanguage : DEFAULT_LANGUAGE,
    email: partner.email,
    phone: partner.phone,
    address: partner.address,
    website: partner.website,
  };
}

async function partnerOf(db: Db, user: SessionUser): Promise<PartnerRow> {
  const [row] = await db.select().from(partners).where(eq(partners.id, user.partnerId));
  if (!row) throw new DomainError('partner.not_found');
  return row;
}

export async function getAppearance(db: Db, user: SessionUser): Promise<Appearance> {
  return toAppearance(await partnerOf(db, user));
}

export async function getBrand(db: Db, user: SessionUser): Promise<Brand> {
  const { name, brandColour, logoUrl } = await getAppearance(db, user);
  return { name, brandColour, logoUrl };
}

export async function changeAppearance(db: Db, user: SessionUser, input: AppearanceUpdate): Promise<Appearance> {
  const [row] = await db.update(partners).set(input).where(eq(partners.id, user.partnerId)).returning();
  return toAppearance(row!);
}

/** The first bytes of each accepted type, so a renamed file of another kind is refused. */
const SIGNATURES: Record<LogoUpload['contentType'], (bytes: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  'image/svg+xml': (b) => /<svg[\s>]/i.test(new TextDecoder().decode(b.slice(0, 2048))),
};

/** Decodes and checks an uploaded logo: size, and that the bytes are what the type says. */
export function decodeLogo(upload: LogoUpload): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(upload.dataBase64, 'base64'));
  if (bytes.length === 0) throw new DomainError('logo.empty', { field: 'dataBase64' });
  if (bytes.length > MAX_LOGO_BYTES) throw new DomainError('logo.too_large', { maximum: MAX_LOGO_BYTES, field: 'dataBase64' });
  if (!SIGNATURES[upload.contentType](bytes)) throw new DomainError('logo.wrong_type', { contentType: upload.contentType, field: 'contentType' });
  return bytes;
}

export const logoPath = (partnerId: string) => `/api/public/logos/${partnerId}`;

/** Stores the logo and points partners.logo_url at its public address; `?v=` makes emails and browsers fetch the new one. */
export async function uploadLogo(deps: AppDeps, user: SessionUser, upload: LogoUpload): Promise<Appearance> {
  const image = decodeLogo(upload);
  const now = deps.clock();
  const logoUrl = `${deps.publicUrl}${logoPath(user.partnerId)}?v=${now.getTime()}`;
  return deps.db.transaction(async (tx) => {
    await tx
      .insert(partnerLogos)
      .values({ partnerId: user.partnerId, contentType: upload.contentType, image, updatedAt: now })
      .onConflictDoUpdate({ target: partnerLogos.partnerId, set: { contentType: upload.contentType, image, updatedAt: now } });
    const [row] = await tx.update(partners).set({ logoUrl }).where(eq(partners.id, user.partnerId)).returning();
    return toAppearance(row!);
  });
}

export async function removeLogo(db: Db, user: SessionUser): Promise<Appearance> {
  return db.transaction(async (tx) => {
    await tx.delete(partnerLogos).where(eq(partnerLogos.partnerId, user.partnerId));
    const [row] = await tx.update(partners).set({ logoUrl: null }).where(eq(partners.id, user.partnerId)).returning();
    return toAppearance(row!);
  });
}

export async function readLogo(db: Db, partnerId: string): Promise<{ contentType: string; image: Uint8Array; updatedAt: Date }> {
  const [row] = await db.select().from(partnerLogos).where(eq(partnerLogos.partnerId, partnerId));
  if (!row) throw new DomainError('logo.not_found');
  return row;
}
