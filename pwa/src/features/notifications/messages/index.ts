import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { NotificationsCatalogue } from './fr.ts';

export const notificationsText: Translations<NotificationsCatalogue> = catalogueOf('notifications');
