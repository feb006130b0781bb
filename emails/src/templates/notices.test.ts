import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@parc/shared';
import { NOTICE_CATEGORIES, placeholdersOf } from '@parc/shared/notifications/categories';
import { templateProblem } from '@parc/shared/notifications/templates';
import type { DealerBranding } from '../branding.ts';
import { escapeHtml } from '../html.ts';
import { NOTICE_TEXTS, notice, noticeDigest } from './notices.ts';

const HOSTILE = '<b>x</b>';
const branding: DealerBranding = { name: 'Devillard', brandColour: '#E30613', sender: { name: 'Devillard', email: 'bravo@devillard.ch' }, contact: { email: 'bravo@devillard.ch' } };
const link = 'https://parc.example/console/devices/1?tab=alerts&x=1';

describe.each(NOTICE_CATEGORIES)('the built-in %s notice', (category) => {
  it.each(LANGUAGES)('in %s uses only its placeholders, and renders every one of them escaped', (language) => {
    const text = NOTICE_TEXTS[category][language];
    const allowed = placeholdersOf(category);
    expect(templateProblem(text.subject, allowed)).toBeNull();
    expect(templateProblem(text.body, allowed)).toBeNull();
    const values = Object.fromEntries(allowed.map((name) => [name, `${name}=${HOSTILE}`]));
    const { subject, html, text: plain } = notice({ language, branding, text, values, header: '', footer: '', link });
    expect(subject).not.toMatch(/[{}\r\n]/);
    expect(html).toContain(`href="${escapeHtml(link)}"`);
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(plain).toContain(link);
    expect(`${subject} ${plain}`).not.toMatch(/[{}]|undefined/);
  });

  it('has its own words in every language', () => {
    expect(new Set(LANGUAGES.map((language) => NOTICE_TEXTS[category][language].body)).size).toBe(LANGUAGES.length);
    expect(new Set(LANGUAGES.map((language) => NOTICE_TEXTS[category][language].subject)).size).toBe(LANGUAGES.length);
  });
});

describe('notice', () => {
  it('puts the dealer’s header first and footer last, each paragraph apart', () => {
    const { text } = notice({
      language: 'en',
      branding,
      text: { subject: 'Hi {customer.number}', body: 'First {device.id}.\n\nSecond.' },
      values: { 'customer.number': '10452', 'device.id': 'DF-3' },
      header: 'Service desk: 8–17 h',
      footer: 'Thank you.\n\nThe team',
      link,
    });
    const order = ['Service desk: 8–17 h', 'First DF-3.', 'Second.', link, 'Thank you.', 'The team'].map((part) => text.indexOf(part));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('noticeDigest', () => {
  const groups = [
    { customer: '10452', subjects: ['Alert on DF-3', 'Toner low on DF-4'] },
    { customer: null, subjects: ['Agent X silent'] },
  ];
  it.each(LANGUAGES)('in %s counts every notice and groups them by customer', (language) => {
    const { subject, text, html } = noticeDigest({ language, branding, frequency: 'daily', groups, header: '', footer: '', consoleUrl: 'https://parc.example/console' });
    expect(subject).toMatch(/3/);
    for (const line of ['10452', 'Alert on DF-3', 'Toner low on DF-4', 'Agent X silent']) expect(text).toContain(line);
    expect(text.indexOf('10452')).toBeLessThan(text.indexOf('Alert on DF-3'));
    expect(html).toContain('href="https://parc.example/console"');
  });

  it('writes a daily and a weekly digest differently, in each language', () => {
    const intro = (frequency: 'daily' | 'weekly') => LANGUAGES.map((language) => noticeDigest.content({ language, branding, frequency, groups, header: '', footer: '', consoleUrl: 'https://parc.example/console' }).preheader);
    expect(new Set([...intro('daily'), ...intro('weekly')]).size).toBe(2 * LANGUAGES.length);
  });

  it('uses the singular for one notice', () => {
    expect(noticeDigest({ language: 'en', branding, frequency: 'weekly', groups: [{ customer: '1', subjects: ['a'] }], header: '', footer: '', consoleUrl: 'https://parc.example/console' }).subject).toBe('1 notification from your fleet');
  });
});
