import { describe, expect, it } from 'vitest';
import { noticeRuleSchema, type NoticeRuleRow } from '@parc/shared/contracts/notifications';
import { errorMessage, isErrorKey } from '@parc/shared/errors';
import { defaultRule, NOTICE_CATEGORIES, NOTICE_CATEGORY_DEFINITIONS, placeholdersOf, type NoticeCategory } from '@parc/shared/notifications/categories';
import { insertAt, recipientParts, ruleBodyOf, ruleFormOf, rowsByGroup, templateTextProblem, type Problem, type RuleForm } from './notifications.rules.ts';

const row = (category: NoticeRuleRow['category']): NoticeRuleRow => ({ category, group: NOTICE_CATEGORY_DEFINITIONS[category].group, rule: defaultRule(category), source: 'default' });

describe('categories by group', () => {
  it('lists the seed’s groups in order, each category once, empty groups left out', () => {
    const grouped = rowsByGroup([row('location_requested'), row('agent_offline'), row('device_found'), row('supply_low')]);
    expect(grouped.map((entry) => [entry.group, entry.rows.map((each) => each.category)])).toEqual([
      ['devices', ['location_requested', 'device_found']],
      ['supplies', ['supply_low']],
      ['agents', ['agent_offline']],
    ]);
  });
});

describe('rule form', () => {
  it('gives back what it was opened with, for every category’s default, and the server’s schema accepts it', () => {
    for (const category of NOTICE_CATEGORIES) {
      const checked = ruleBodyOf(ruleFormOf(defaultRule(category)), category);
      expect(checked, category).toEqual({ body: defaultRule(category) });
      expect(noticeRuleSchema.safeParse((checked as { body: unknown }).body).success, category).toBe(true);
    }
  });

  it('reads addresses separated by commas, semicolons or lines, lower-cased and once each', () => {
    const form = { ...ruleFormOf(defaultRule('device_found')), addresses: 'Buero@Haendler.test, lager@haendler.test;\n\nbuero@haendler.test ' };
    expect(ruleBodyOf(form, 'device_found')).toMatchObject({ body: { addresses: ['buero@haendler.test', 'lager@haendler.test'] } });
  });

  it('keeps the threshold only where the category has one, and complexities only for device alerts', () => {
    const agent = ruleBodyOf({ ...ruleFormOf(defaultRule('agent_offline')), threshold: '48', complexities: ['user'] }, 'agent_offline');
    expect(agent).toMatchObject({ body: { threshold: 48, complexities: [] } });
    const found = ruleBodyOf({ ...ruleFormOf(defaultRule('device_found')), threshold: '5' }, 'device_found');
    expect(found).toMatchObject({ body: { threshold: null } });
    const alert = ruleBodyOf({ ...ruleFormOf(defaultRule('device_alert')), complexities: ['engineer', 'user'] }, 'device_alert');
    expect(alert).toMatchObject({ body: { complexities: ['engineer', 'user'] } });
  });

  const nobody: Partial<RuleForm> = { roles: [], siteCoordinator: false, customerCoordinator: false, addresses: '' };
  const refusals: [string, NoticeCategory, Partial<RuleForm>, string, string, string][] = [
    // The address typed is named: 'Lager@' as typed, before lower-casing.
    ['an address that is not one', 'device_found', { addresses: 'buero@haendler.test, Lager@' }, 'addresses', 'validation.invalid_format', 'Lager@'],
    ['a threshold below the minimum', 'agent_offline', { threshold: '0' }, 'threshold', 'notice_rule.threshold', 'Le seuil doit être compris entre 1 et 720.'],
    ['a threshold above the maximum', 'supply_low', { threshold: '51' }, 'threshold', 'notice_rule.threshold', 'Le seuil doit être compris entre 1 et 50.'],
    ['a threshold that is not whole', 'supply_low', { threshold: '7.5' }, 'threshold', 'notice_rule.threshold', 'Le seuil doit être compris entre 1 et 50.'],
    ['no threshold', 'supply_low', { threshold: ' ' }, 'threshold', 'notice_rule.threshold', 'Le seuil doit être compris entre 1 et 50.'],
    ['device alerts on without a complexity', 'device_alert', { complexities: [] }, 'complexities', 'notice_rule.no_complexity', 'Choisissez au moins un degré de complexité pour les alertes.'],
    ['on without a recipient', 'order_created', nobody, 'recipients', 'notice_rule.no_recipient', 'Une notification active a besoin d’au moins un destinataire.'],
  ];
  it.each(refusals)('refuses %s, worded as the server words it', (_, category, change, field, key, sentence) => {
    const checked = ruleBodyOf({ ...ruleFormOf(defaultRule(category)), ...change }, category);
    expect('problem' in checked && checked.problem).toMatchObject({ field, key });
    const { problem } = checked as { problem: Problem };
    expect(isErrorKey(problem.key) && errorMessage(problem.key, problem.params as never, 'fr')).toContain(sentence);
  });

  it('lets a rule that is off have no recipient and no complexity', () => {
    const off = { ...ruleFormOf(defaultRule('device_alert')), enabled: false, ...nobody, complexities: [] };
    expect(ruleBodyOf(off, 'device_alert')).toMatchObject({ body: { enabled: false, roles: [], complexities: [] } });
  });
});

describe('recipients summary', () => {
  it.each([
    ['Parc’s default', { roles: ['partner_admin'], siteCoordinator: false, customerCoordinator: false, addresses: [] }, ['notifications.recipients.role.partner_admin']],
    [
      'roles in their order, coordinators, then one address by name',
      { roles: ['technician', 'partner_admin'], siteCoordinator: true, customerCoordinator: true, addresses: ['buero@haendler.test'] },
      ['notifications.recipients.role.partner_admin', 'notifications.recipients.role.technician', 'notifications.recipients.siteCoordinator', 'notifications.recipients.customerCoordinator', 'notifications.recipients.address'],
    ],
    ['several addresses counted', { roles: [], siteCoordinator: false, customerCoordinator: false, addresses: ['a@b.test', 'c@d.test'] }, ['notifications.recipients.addresses']],
    ['nobody', { roles: [], siteCoordinator: false, customerCoordinator: false, addresses: [] }, ['notifications.recipients.none']],
  ] as const)('%s', (_, rule, keys) => {
    expect(recipientParts({ ...rule, roles: [...rule.roles], addresses: [...rule.addresses] }).map((part) => part.key)).toEqual(keys);
  });

  it('names the one address and counts several', () => {
    expect(recipientParts({ roles: [], siteCoordinator: false, customerCoordinator: false, addresses: ['buero@haendler.test'] })).toEqual([{ key: 'notifications.recipients.address', address: 'buero@haendler.test' }]);
    expect(recipientParts({ roles: [], siteCoordinator: false, customerCoordinator: false, addresses: ['a@b.test', 'c@d.test', 'e@f.test'] })).toEqual([{ key: 'notifications.recipients.addresses', count: 3 }]);
  });
});

describe('template problems', () => {
  const allowed = placeholdersOf('supply_low');
  it.each([
    ['a good template', { subject: 'Toner {supply.name} bas', body: 'Chez {customer.name} : {supply.percent}.' }, null],
    ['an unknown placeholder in the body', { subject: 'Toner bas', body: 'Chez {kunde.name}' }, { field: 'body', key: 'notice_template.unknown_placeholder', params: { placeholder: 'kunde.name' } }],
    ['the subject first', { subject: '{order.tracking}', body: '{nope}' }, { field: 'subject', key: 'notice_template.unknown_placeholder', params: { placeholder: 'order.tracking' } }],
    ['an unclosed brace', { subject: 'Toner bas', body: 'Chez {customer.name' }, { field: 'body', key: 'notice_template.unclosed_brace', params: {} }],
    ['an empty subject', { subject: '  ', body: 'Texte' }, { field: 'subject', key: 'notice_template.empty', params: {} }],
  ])('%s', (_, text, expected) => {
    const problem = templateTextProblem(text, allowed);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject(expected);
  });

  it('words an unknown placeholder with the server’s sentence, naming it', () => {
    const problem = templateTextProblem({ subject: 'Toner', body: '{kunde.nummer}' }, allowed)!;
    expect(errorMessage('notice_template.unknown_placeholder', problem.params as { placeholder: string }, 'de')).toBe('«{kunde.nummer}» ist kein Feld dieser Benachrichtigung: Wählen Sie eines aus der Liste.');
  });
});

describe('inserting a placeholder', () => {
  it.each([
    ['at the cursor', 'Bonjour !', 7, 7, '{customer.name}', 'Bonjour{customer.name} !', 22],
    ['over a selection', 'Client X, merci', 7, 8, '{customer.number}', 'Client {customer.number}, merci', 24],
    ['at the end when the cursor is past it', 'Fin', 10, 10, '{link}', 'Fin{link}', 9],
    ['at the start of an empty text', '', 0, 0, '{link}', '{link}', 6],
  ])('%s', (_, text, start, end, insert, expected, cursor) => {
    expect(insertAt(text, start, end, insert)).toEqual({ text: expected, cursor });
  });
});
