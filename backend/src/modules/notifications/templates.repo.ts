import { and, eq } from 'drizzle-orm';
import type { Language } from '@parc/shared';
import type { NoticeCategory } from '@parc/shared/notifications/categories';
import type { Db } from '../../db/client.ts';
import { noticeFrames, noticeTemplates } from '../../db/schema/index.ts';

export async function editedTemplates(db: Db, partnerId: string) {
  return db.select().from(noticeTemplates).where(eq(noticeTemplates.partnerId, partnerId));
}

export async function editedTemplate(db: Db, partnerId: string, category: NoticeCategory, language: Language) {
  const [row] = await db
    .select()
    .from(noticeTemplates)
    .where(and(eq(noticeTemplates.partnerId, partnerId), eq(noticeTemplates.category, category), eq(noticeTemplates.language, language)));
  return row;
}

export async function saveTemplate(db: Db, partnerId: string, category: NoticeCategory, language: Language, text: { subject: string; body: string }, now: Date): Promise<void> {
  await db
    .insert(noticeTemplates)
    .values({ partnerId, category, language, ...text, updatedAt: now })
    .onConflictDoUpdate({ target: [noticeTemplates.partnerId, noticeTemplates.category, noticeTemplates.language], set: { ...text, updatedAt: now } });
}

export async function removeTemplate(db: Db, partnerId: string, category: NoticeCategory, language: Language): Promise<void> {
  await db.delete(noticeTemplates).where(and(eq(noticeTemplates.partnerId, partnerId), eq(noticeTemplates.category, category), eq(noticeTemplates.language, language)));
}

export async function framesOf(db: Db, partnerId: string) {
  return db.select().from(noticeFrames).where(eq(noticeFrames.partnerId, partnerId));
}

export async function saveFrame(db: Db, partnerId: string, language: Language, frame: { header: string; footer: string }): Promise<void> {
  await db
    .insert(noticeFrames)
    .values({ partnerId, language, ...frame })
    .onConflictDoUpdate({ target: [noticeFrames.partnerId, noticeFrames.language], set: frame });
}
