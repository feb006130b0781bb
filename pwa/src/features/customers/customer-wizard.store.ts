/**
 * The add-customer wizard's steps against the API. The customer and its main coordinator are
 * created on leaving the first step, so the sites step can use the server's CSV preview and the
 * server's own checks (a prefix already used) show on the step they belong to.
 */
import { createStore } from 'solid-js/store';
import type { Customer } from '@parc/shared/contracts/customers';
import type { Site, SiteImportLine } from '@parc/shared/contracts/sites';
import type { ApiError } from '../../api/client.ts';
import type { Agent, CustomersApi } from './customers.api.ts';
import {
  checkInfo,
  checkPrices,
  customerCreateOf,
  emptyInfo,
  hasErrors,
  pricesInputOf,
  siteFromCustomer,
  type ContactInfo,
  type CustomerInfo,
  type FieldErrors,
  type PriceInfo,
  type SiteDraft,
  type WizardStep,
} from './wizard.ts';

export interface WizardState {
  step: WizardStep;
  busy: boolean;
  info: CustomerInfo;
  contact: ContactInfo;
  infoErrors: FieldErrors<CustomerInfo>;
  contactErrors: FieldErrors<ContactInfo>;
  customer: Customer | null;
  coordinatorId: string | null;
  drafts: SiteDraft[];
  sites: Site[];
  importLines: SiteImportLine[] | null;
  prices: PriceInfo;
  priceErrors: FieldErrors<PriceInfo>;
  agent: Agent | null;
  agentError: string | null;
  error: ApiError | null;
  instructionsSentTo: string | null;
}

let nextKey = 1;

export function createCustomerWizard(api: CustomersApi, language: CustomerInfo['language']) {
  const [state, setState] = createStore<WizardState>({
    step: 'information',
    busy: false,
    info: emptyInfo(language),
    contact: { name: '', email: '', phone: '' },
    infoErrors: {},
    contactErrors: {},
    customer: null,
    coordinatorId: null,
    drafts: [],
    sites: [],
    importLines: null,
    prices: { currency: 'CHF', monoPrice: '', colourPrice: '', scanPrice: '0' },
    priceErrors: {},
    agent: null,
    agentError: null,
    error: null,
    instructionsSentTo: null,
  });

  async function run<T>(work: () => Promise<T>): Promise<T> {
    setState({ busy: true, error: null });
    try {
      return await work();
    } finally {
      setState('busy', false);
    }
  }

  /** A server error on a field of the first step shows under that field. */
  function placeFieldError(error: ApiError): boolean {
    const field = error.field as keyof CustomerInfo | undefined;
    if (field && field in state.info) {
      setState('infoErrors', { [field]: 'format' });
      return true;
    }
    return false;
  }

  async function saveInformation(): Promise<boolean> {
    const errors = checkInfo(state.info, state.contact);
    setState({ infoErrors: errors.info, contactErrors: errors.contact });
    if (hasErrors(errors.info) || hasErrors(errors.contact)) return false;
    const body = customerCreateOf(state.info, state.prices.currency);
    const saved = state.customer ? await api.updateCustomer(state.customer.id, body) : await api.createCustomer(body);
    if (!saved.ok) {
      setState('error', placeFieldError(saved.error) ? null : saved.error);
      return false;
    }
    setState('customer', saved.data);
    const contact = { name: state.contact.name.trim(), email: state.contact.email.trim(), phone: state.contact.phone.trim() || null, isMain: true };
    const coordinator = state.coordinatorId ? await api.updateCoordinator(state.coordinatorId, contact) : await api.createCoordinator(saved.data.id, contact);
    if (!coordinator.ok) {
      setState('error', coordinator.error);
      return false;
    }
    setState('coordinatorId', coordinator.data.id);
    if (state.drafts.length === 0 && state.sites.length === 0) setState('drafts', [siteFromCustomer(state.info, nextKey++)]);
    return true;
  }

  async function saveSites(): Promise<boolean> {
    const customer = state.customer!;
    for (const draft of [...state.drafts]) {
      if (!draft.name.trim()) continue;
      const { key, ...body } = draft;
      const created = await api.createSite(customer.id, { ...body, coordinatorId: state.coordinatorId });
      if (!created.ok) {
        setState('error', created.error);
        return false;
      }
      setState({ sites: [...state.sites, created.data], drafts: state.drafts.filter((candidate) => candidate.key !== key) });
    }
    return true;
  }

  async function savePrices(): Promise<boolean> {
    const errors = checkPrices(state.prices);
    setState('priceErrors', errors);
    if (hasErrors(errors)) return false;
    const customer = state.customer!;
    const saved = await api.savePrices(customer.id, pricesInputOf(state.prices));
    if (!saved.ok) {
      setState('error', saved.error);
      return false;
    }
    if (state.prices.currency !== customer.currency) await api.updateCustomer(customer.id, { currency: state.prices.currency });
    const agent = await api.createAgent(customer.id, customer.name);
    if (agent.ok) setState('agent', agent.data);
    else setState('agentError', agent.error.message);
    return true;
  }

  const STEP_SAVE: Partial<Record<WizardStep, () => Promise<boolean>>> = { information: saveInformation, sites: saveSites, prices: savePrices };
  const NEXT: Record<WizardStep, WizardStep> = { information: 'sites', sites: 'prices', prices: 'summary', summary: 'summary' };
  const BACK: Record<WizardStep, WizardStep> = { information: 'information', sites: 'information', prices: 'sites', summary: 'summary' };

  return {
    state,
    setInfo: (field: keyof CustomerInfo, value: string) => setState('info', field, value as never),
    setContact: (field: keyof ContactInfo, value: string) => setState('contact', field, value),
    setPrice: (field: keyof PriceInfo, value: string) => setState('prices', field, value),
    addDraft: () => setState('drafts', [...state.drafts, { key: nextKey++, name: '' }]),
    setDraft: (key: number, field: keyof Omit<SiteDraft, 'key'>, value: string) =>
      setState('drafts', (draft) => draft.key === key, field, field === 'name' ? value : value || undefined),
    removeDraft: (key: number) => setState('drafts', state.drafts.filter((draft) => draft.key !== key)),
    async next() {
      await run(async () => {
        const save = STEP_SAVE[state.step];
        if (!save || (await save())) setState('step', NEXT[state.step]);
      });
    },
    back: () => setState({ step: BACK[state.step], error: null }),
    /** Previews the file; only a file without any wrong line is committed, so nothing half-imports. */
    async importFile(csv: string) {
      await run(async () => {
        const customerId = state.customer!.id;
        const preview = await api.importSites(customerId, csv, 'preview');
        if (!preview.ok) {
          setState('error', preview.error);
          return;
        }
        setState('importLines', preview.data.lines);
        if (preview.data.lines.some((line) => line.status === 'error')) return;
        const committed = await api.importSites(customerId, csv, 'commit');
        if (!committed.ok) {
          setState('error', committed.error);
          return;
        }
        const sites = await api.sites(customerId);
        if (sites.ok) setState('sites', sites.data.items);
      });
    },
    async sendInstructions() {
      await run(async () => {
        const sent = await api.sendAgentInstructions(state.customer!.id, state.agent!.key);
        if (sent.ok) setState('instructionsSentTo', sent.data.sentTo);
        else setState('error', sent.error);
      });
    },
    /** Leaving half-way: a customer already created is deactivated rather than left looking complete. */
    async cancel() {
      if (state.customer && state.step !== 'summary') await api.deactivateCustomer(state.customer.id);
    },
  };
}

export type CustomerWizard = ReturnType<typeof createCustomerWizard>;
