export { escapeHtml, html, SafeHtml, checkedUrl } from './html.ts';
export { resolveBranding, senderHeaders, type DealerBranding } from './branding.ts';
export { formatDuration, formatLastValidDay, formatLongDate, formatPeriod } from './format.ts';
export { defineTemplate, languageOf, renderEmail, type Block, type CommonProps, type EmailContent, type EmailTemplate, type RenderedEmail } from './layout.ts';
export { meterCampaign, type MeterCampaignProps } from './templates/meterCampaign.ts';
export { meterReminder, type MachineToRead, type MeterReminderProps } from './templates/meterReminder.ts';
export { contactConfirm, type ContactConfirmProps } from './templates/contactConfirm.ts';
export { passwordReset, type PasswordResetProps } from './templates/passwordReset.ts';
export { userInvite, type UserInviteProps } from './templates/userInvite.ts';
