import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@parc/shared';
import { requestAssigned, requestChanged } from './requestNotifications.ts';

const props = {
  branding: { name: 'Devillard', sender: { name: 'Devillard', email: 'sav@devillard.ch' }, contact: { email: 'sav@devillard.ch' } },
  deviceCode: 'ACME-3',
  deviceModel: 'Canon iR',
  customerName: 'Acme <SA>',
  subject: 'Bourrage <four>',
  state: 'in_progress' as const,
  comments: ['En route', 'Tambour commandé'],
  requestUrl: 'https://parc.example/requests/1',
};

describe('request notification emails', () => {
  it.each(LANGUAGES.flatMap((language) => [[requestAssigned, language] as const, [requestChanged, language] as const]))('%#: renders in every language, escaped, with the link', (template, language) => {
    const mail = template({ ...props, language });
    expect(mail.subject).toContain('ACME-3');
    expect(mail.html).toContain('https://parc.example/requests/1');
    expect(mail.html).not.toContain('<four>');
    expect(mail.text).toContain('En route');
    expect(mail.text).toContain('Tambour commandé');
  });

  it('writes no comment line when the reader may read none', () => {
    const mail = requestChanged({ ...props, comments: [], language: 'en' });
    expect(mail.text).not.toContain('Comment');
  });
});
