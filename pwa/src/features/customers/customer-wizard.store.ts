/**
 * The add-customer wizard's steps. Nothing is written before Finish: leaving the first step only
 * asks the server whether the number and prefix are free, and the sites file is judged here by the
 * server's own rules. Finish creates the customer, its main coordinator, the sites, the prices and
 * an agent, in that order; when a call fails, what was created is kept and a retry does the rest.
 */
import { createStore } from 'solid-js/store';
import type { Customer } from '@parc/shared/contracts/customers';
import type { SiteImportCandidate, SiteImportLine } from '@parc/shared/contracts/sites';
import type { ApiError } from '../../api/client.ts';
import type { Agent, CustomersApi } from './customers.api.ts';
import {
  availabilityErrors,
  checkInfo,
  checkPrices,
  customerCreateOf,
  emptyInfo,
  hasErrors,
  nothingSaved,
  plannedSites,
  previewSiteImport,
  pricesInputOf,
  remainingTasks,
  repeatedSiteNames,
  siteFromCustomer,
  type ContactInfo,
  type CustomerInfo,
  type FieldErrors,
  type FinishProgress,
  type FinishTask,
  type PriceInfo,
  type SiteDraft,
  type WizardStep,
} from './wizard.ts';

export interface WizardState {
  step: WizardStep;
  busy: boolean;
  /** Something was typed or chosen: leaving asks first. */
  touched: boolean;
  info: CustomerInfo;
  contact: ContactInfo;
  infoErrors: FieldErrors<CustomerInfo>;
  contactErrors: FieldErrors<ContactInfo>;
  drafts: SiteDraft[];
  /** Keys of drafts named like another site. */
  repeatedDrafts: number[];
  /** Sites from files whose every line was right. */
  imported: SiteImportCandidate[];
  importLines: SiteImportLine[] | null;
  /** A file refused as a whole (no name column, an unknown column). */
  importError: ApiError | null;
  prices: PriceInfo;
  priceErrors: FieldErrors<PriceInfo>;
  progress: FinishProgress;
  /** The customer once created (Finish got that far). */
  customer: Customer | null;
  agent: Agent | null;
  agentError: ApiError | null;
  error: ApiError | null;
  instructionsSentTo: string | null;
}

let nextKey = 1;

export function createCustomerWizard(api: CustomersApi, language: CustomerInfo['language']) {
  const [state, setState] = createStore<WizardState>({
    step: 'information',
    busy: false,
    touched: false,
    info: emptyInfo(language),
    contact: { name: '', email: '', phone: '' },
    infoErrors: {},
    contactErrors: {},
    drafts: [],
    repeatedDrafts: [],
    imported: [],
    importLines: null,
    importError: null,
    prices: { currency: 'CHF', monoPrice: '', colourPrice: '', scanPrice: '0' },
    priceErrors: {},
    progress: nothingSaved(),
    customer: null,
    agent: null,
    agentError: null,
    error: null,
    instructionsSentTo: null,
  });

  /** One call at a time: a second click while saving does nothing. */
  async function run(work: () => Promise<void>): Promise<void> {
    if (state.busy) return;
    setState({ busy: true, error: null });
    try {
      await work();
    } finally {
      setState('busy', false);
    }
  }

  /** Checked here, then the number and prefix against the dealer's other customers; nothing is created. */
  async function checkInformation(): Promise<boolean> {
    const errors = checkInfo(state.info, state.contact);
    setState({ infoErrors: errors.info, contactErrors: errors.contact });
    if (hasErrors(errors.info) || hasErrors(errors.contact)) return false;
    const availability = await api.customerAvailability(state.info.customerNumber.trim(), state.info.prefix.trim());
    if (!availability.ok) {
      if (!placeFieldError(availability.error)) setState('error', availability.error);
      return false;
    }
    const taken = availabilityErrors(availability.data, state.info);
    setState('infoErrors', taken);
    if (hasErrors(taken)) return false;
    if (state.drafts.length === 0 && state.imported.length === 0) setState('drafts', [siteFromCustomer(state.info, nextKey++)]);
    return true;
  }

  function checkSites(): boolean {
    const repeated = repeatedSiteNames(state.drafts, state.imported);
    setState('repeatedDrafts', repeated);
    return repeated.length === 0;
  }

  /** A server error on a field of the first step shows under that field, on that step. */
  function placeFieldError(error: ApiError): boolean {
    const field = error.field as keyof CustomerInfo | undefined;
    if (!field || !(field in state.info)) return false;
    setState({ infoErrors: { [field]: error }, step: 'information' });
    return true;
  }

  const progress = (change: Partial<FinishProgress>) => setState('progress', (current) => ({ ...current, ...change }));

  /** Creates what is not created yet, in order; stops at the first failure with what exists kept. */
  async function finish(): Promise<void> {
    const errors = checkPrices(state.prices);
    setState('priceErrors', errors);
    if (hasErrors(errors)) return;
    const sites = plannedSites(state.drafts, state.imported);
    for (const task of remainingTasks(state.progress, sites.length)) {
      const failure = await TASKS[task](sites);
      if (failure) {
        if (task !== 'customer' || !placeFieldError(failure)) setState('error', failure);
        return;
      }
    }
    const agent = await api.createAgent(state.progress.customerId!, state.customer!.name);
    if (agent.ok) setState('agent', agent.data);
    else setState('agentError', agent.error);
    setState('step', 'summary');
  }

  const TASKS: Record<FinishTask, (sites: ReturnType<typeof plannedSites>) => Promise<ApiError | null>> = {
    async customer() {
      const created = await api.createCustomer(customerCreateOf(state.info, state.prices.currency));
      if (!created.ok) return created.error;
      setState('customer', created.data);
      progress({ customerId: created.data.id });
      return null;
    },
    async coordinator() {
      const contact = { name: state.contact.name.trim(), email: state.contact.email.trim(), phone: state.contact.phone.trim() || null, isMain: true };
      const created = await api.createCoordinator(state.progress.customerId!, contact);
      if (!created.ok) return created.error;
      progress({ coordinatorId: created.data.id });
      return null;
    },
    async sites(sites) {
      for (const site of sites.slice(state.progress.sitesCreated)) {
        const created = await api.createSite(state.progress.customerId!, { ...site, coordinatorId: state.progress.coordinatorId });
        if (!created.ok) return created.error;
        progress({ sitesCreated: state.progress.sitesCreated + 1 });
      }
      return null;
    },
    async prices() {
      const saved = await api.savePrices(state.progress.customerId!, pricesInputOf(state.prices));
      if (!saved.ok) return saved.error;
      progress({ pricesSaved: true });
      return null;
    },
  };

  const NEXT: Record<WizardStep, WizardStep> = { information: 'sites', sites: 'prices', prices: 'summary', summary: 'summary' };
  const BACK: Record<WizardStep, WizardStep> = { information: 'information', sites: 'information', prices: 'sites', summary: 'summary' };
  const touch = () => setState('touched', true);

  return {
    state,
    /** Leaving would lose something typed: asked first, until the summary. */
    unsaved: () => state.touched && state.step !== 'summary',
    setInfo: (field: keyof CustomerInfo, value: string) => {
      touch();
      setState('info', field, value as never);
    },
    setContact: (field: keyof ContactInfo, value: string) => {
      touch();
      setState('contact', field, value);
    },
    setPrice: (field: keyof PriceInfo, value: string) => {
      touch();
      setState('prices', field, value);
    },
    addDraft: () => setState('drafts', [...state.drafts, { key: nextKey++, name: '' }]),
    setDraft: (key: number, field: keyof Omit<SiteDraft, 'key'>, value: string) => {
      touch();
      setState('drafts', (draft) => draft.key === key, field, field === 'name' ? value : value || undefined);
    },
    removeDraft: (key: number) => setState('drafts', state.drafts.filter((draft) => draft.key !== key)),
    removeImported: (name: string) => setState('imported', state.imported.filter((site) => site.name !== name)),
    async next() {
      await run(async () => {
        if (state.step === 'information' && !(await checkInformation())) return;
        if (state.step === 'sites' && !checkSites()) return;
        if (state.step === 'prices') return finish();
        setState('step', NEXT[state.step]);
      });
    },
    /** Back is offered only while nothing is created: once the customer exists, its information is what was saved. */
    back: () => setState({ step: BACK[state.step], error: null }),
    /** Judges the file; only a file without any wrong line is kept, so nothing half-imports. */
    importFile(csv: string) {
      touch();
      const preview = previewSiteImport(csv, { drafts: state.drafts, imported: state.imported, contactEmail: state.contact.email });
      if ('error' in preview) {
        setState({ importError: preview.error, importLines: null });
        return;
      }
      setState({ importError: null, importLines: preview.lines });
      if (preview.lines.some((line) => line.status === 'error')) return;
      setState('imported', [...state.imported, ...preview.lines.flatMap((line) => (line.site ? [line.site] : []))]);
    },
    async sendInstructions() {
      await run(async () => {
        const sent = await api.sendAgentInstructions(state.progress.customerId!, state.agent!.key);
        if (sent.ok) setState('instructionsSentTo', sent.data.sentTo);
        else setState('error', sent.error);
      });
    },
  };
}

export type CustomerWizard = ReturnType<typeof createCustomerWizard>;
