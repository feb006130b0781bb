import { describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../api/client.ts';
import type { CustomersApi } from './customers.api.ts';
import { createCustomerWizard } from './customer-wizard.store.ts';

type Call = { name: string; args: unknown[] };

/**
 * The endpoints the wizard calls, answering like the server; `failures` makes the named call fail
 * (once per entry). Every call is recorded, to count what was created.
 */
function fakeApi(options: { taken?: { customerNumberTaken: boolean; prefixTaken: boolean }; failures?: Partial<Record<string, ApiError[]>> } = {}) {
  const calls: Call[] = [];
  let siteCount = 0;
  const answer = async <T,>(name: string, args: unknown[], data: T): Promise<ApiResult<T>> => {
    calls.push({ name, args });
    // A turn of the event loop, as a request takes.
    await Promise.resolve();
    const failure = options.failures?.[name]?.shift();
    return failure ? { ok: false, error: failure } : { ok: true, data };
  };
  const api = {
    customerAvailability: (...args: unknown[]) => answer('customerAvailability', args, options.taken ?? { customerNumberTaken: false, prefixTaken: false }),
    createCustomer: (...args: unknown[]) => answer('createCustomer', args, { id: 'customer-1', name: 'Algiz', currency: 'EUR' }),
    createCoordinator: (...args: unknown[]) => answer('createCoordinator', args, { id: 'coordinator-1' }),
    createSite: (...args: unknown[]) => answer('createSite', args, { id: `site-${++siteCount}` }),
    savePrices: (...args: unknown[]) => answer('savePrices', args, {}),
    createAgent: (...args: unknown[]) => answer('createAgent', args, { id: 'agent-1', key: 'ABCD-EFGH-IJKL-MNOP' }),
  } as unknown as CustomersApi;
  const count = (name: string) => calls.filter((call) => call.name === name).length;
  return { api, calls, count };
}

const serverDown: ApiError = { code: 'internal', key: 'server.internal', params: {}, message: 'Internal error' };

async function filledUpToPrices(api: CustomersApi) {
  const wizard = createCustomerWizard(api, 'fr');
  for (const [field, value] of [['name', 'Algiz'], ['customerNumber', 'FR1'], ['prefix', 'AL'], ['city', 'Lille']] as const) wizard.setInfo(field, value);
  wizard.setContact('name', 'Théophile Lou');
  wizard.setContact('email', 'tlou@algiz.test');
  await wizard.next();
  wizard.importFile('name,city\nA2,Lille Sud\nA3,Roubaix\n');
  await wizard.next();
  for (const [field, value] of [['currency', 'EUR'], ['monoPrice', '0.1'], ['colourPrice', '0.2']] as const) wizard.setPrice(field, value);
  return wizard;
}

describe('add-customer wizard store', () => {
  it('creates nothing before Finish, then everything once, in order', async () => {
    const fake = fakeApi();
    const wizard = await filledUpToPrices(fake.api);
    expect(wizard.state.step).toBe('prices');
    expect(fake.calls.map((call) => call.name)).toEqual(['customerAvailability']);
    // A double click: the second one finds the wizard busy.
    await Promise.all([wizard.next(), wizard.next()]);
    expect(wizard.state.step).toBe('summary');
    expect(fake.calls.map((call) => call.name)).toEqual(['customerAvailability', 'createCustomer', 'createCoordinator', 'createSite', 'createSite', 'createSite', 'savePrices', 'createAgent']);
    expect(fake.calls.filter((call) => call.name === 'createSite').map((call) => call.args[1])).toEqual([
      { name: 'Lille', address: undefined, postcode: undefined, city: 'Lille', country: 'CH', coordinatorId: 'coordinator-1' },
      { name: 'A2', address: undefined, postcode: undefined, city: 'Lille Sud', country: undefined, coordinatorId: 'coordinator-1' },
      { name: 'A3', address: undefined, postcode: undefined, city: 'Roubaix', country: undefined, coordinatorId: 'coordinator-1' },
    ]);
    expect(fake.calls.find((call) => call.name === 'createCustomer')!.args[0]).toMatchObject({ customerNumber: 'FR1', prefix: 'AL', currency: 'EUR' });
  });

  it('stays on the first step with the sentence under a number or prefix another customer has', async () => {
    const fake = fakeApi({ taken: { customerNumberTaken: true, prefixTaken: false } });
    const wizard = createCustomerWizard(fake.api, 'fr');
    for (const [field, value] of [['name', 'Algiz'], ['customerNumber', 'FR1'], ['prefix', 'AL']] as const) wizard.setInfo(field, value);
    wizard.setContact('name', 'Théophile Lou');
    wizard.setContact('email', 'tlou@algiz.test');
    await wizard.next();
    expect(wizard.state.step).toBe('information');
    expect(wizard.state.infoErrors).toEqual({ customerNumber: expect.objectContaining({ key: 'customer.number_taken', params: { customerNumber: 'FR1' } }) });
    expect(fake.count('createCustomer')).toBe(0);
  });

  it('goes back to the first step when the customer is refused on a field there', async () => {
    const taken: ApiError = { code: 'conflict', key: 'customer.prefix_taken', params: { prefix: 'AL', field: 'prefix' }, message: '', field: 'prefix' };
    const fake = fakeApi({ failures: { createCustomer: [taken] } });
    const wizard = await filledUpToPrices(fake.api);
    await wizard.next();
    expect(wizard.state.step).toBe('information');
    expect(wizard.state.infoErrors).toEqual({ prefix: taken });
    expect(wizard.state.error).toBeNull();
    expect(fake.count('createCoordinator')).toBe(0);
  });

  it('keeps what was created when a later call fails, and a retry does only the rest', async () => {
    const fake = fakeApi({ failures: { createSite: [serverDown], savePrices: [serverDown] } });
    const wizard = await filledUpToPrices(fake.api);
    await wizard.next();
    expect(wizard.state).toMatchObject({ step: 'prices', error: serverDown, customer: { id: 'customer-1' }, progress: { customerId: 'customer-1', coordinatorId: 'coordinator-1', sitesCreated: 0, pricesSaved: false } });
    await wizard.next();
    expect(wizard.state).toMatchObject({ step: 'prices', error: serverDown, progress: { sitesCreated: 3, pricesSaved: false } });
    await wizard.next();
    expect(wizard.state).toMatchObject({ step: 'summary', error: null, progress: { sitesCreated: 3, pricesSaved: true } });
    expect([fake.count('createCustomer'), fake.count('createCoordinator'), fake.count('createSite'), fake.count('savePrices'), fake.count('createAgent')]).toEqual([1, 1, 4, 2, 1]);
    expect(fake.calls.filter((call) => call.name === 'createSite').map((call) => (call.args[1] as { name: string }).name)).toEqual(['Lille', 'Lille', 'A2', 'A3']);
  });

  it('has something to lose once something was typed, and no more at the summary', async () => {
    const untouched = createCustomerWizard(fakeApi().api, 'fr');
    expect(untouched.unsaved()).toBe(false);
    const wizard = await filledUpToPrices(fakeApi().api);
    expect(wizard.unsaved()).toBe(true);
    await wizard.next();
    expect(wizard.state.step).toBe('summary');
    expect(wizard.unsaved()).toBe(false);
  });
});
