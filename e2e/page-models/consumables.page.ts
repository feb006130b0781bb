import type { RouteRecipient } from '@parc/shared/supplies/routing';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The screen's catalogue in the language it speaks (see loadCatalogues): buttons are found by their names. */
type Texts = Readonly<Record<string, string>>;

export interface NewRoute {
  name: string;
  filters: { manufacturer?: string; kind?: string; colour?: string };
  recipients: RouteRecipient[];
}

/** The order configuration form, at whichever level it shows (dealer's Configuration tab, a customer's or a device's). */
export class OrderConfigFormPage {
  readonly form: Locator;
  /** Its first sentence, which says at which level it sets what. */
  readonly intro: Locator;
  readonly legends: Locator;
  readonly submit: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form.order-config');
    this.intro = this.form.locator('> p.muted').first();
    this.legends = this.form.locator('fieldset > legend');
    this.submit = this.form.locator('button[type="submit"]');
    this.saved = this.form.locator('p.success[role="status"]');
  }

  /** One setting's row, by its id (`method`, `levelThresholds.colour_toner`, `blockOn.exchange_early`…). */
  setting(id: string): Locator {
    return this.form.locator(`[data-setting="${id}"]`);
  }

  /** Where the setting's value comes from, as the row says it. */
  async source(id: string): Promise<string> {
    return textOf(this.setting(id).locator('[data-source]'));
  }

  async label(id: string): Promise<string> {
    return textOf(this.setting(id).locator('.config-setting__label > span'));
  }

  async inheritLabel(id: string): Promise<string> {
    return textOf(this.setting(id).locator('.config-setting__inherit'));
  }

  /** The setting's own control: its number field, the method's select or a switch. */
  control(id: string): Locator {
    return this.setting(id).locator(`[name="${id}"]`);
  }

  /** Ticks or unticks the row's "inherit" box and waits until its control follows. */
  async inherit(id: string, inherited: boolean): Promise<void> {
    await this.setting(id).locator('.config-setting__inherit input[type="checkbox"]').setChecked(inherited);
    await this.form.locator(`[data-setting="${id}"]${inherited ? '.config-setting--inherited' : ':not(.config-setting--inherited)'}`).waitFor();
  }

  async save(): Promise<void> {
    await this.submit.click();
    await this.saved.waitFor();
  }
}

/** The console's consumables area: its tabs, and the routing rules of the Routing tab. */
export class ConsumablesPage {
  readonly heading: Locator;
  readonly routing: Locator;
  readonly routingIntro: Locator;
  /** What becomes of an order no rule matches. */
  readonly routingFallback: Locator;
  readonly routes: Locator;
  readonly addRouteButton: Locator;
  /** The form of a new rule, once "add a rule" is pressed. */
  readonly newRoute: Locator;

  constructor(
    readonly page: Page,
    private readonly texts: Texts,
  ) {
    this.heading = page.locator('main h1#page-title');
    this.routing = page.locator('section.supply-routing');
    this.routingIntro = this.routing.locator('> p.muted');
    this.routingFallback = this.routing.locator('.route__fallback');
    this.routes = this.routing.locator('ol.routes > li.route');
    this.addRouteButton = this.routing.getByRole('button', { name: texts['routing.add'], exact: true });
    this.newRoute = this.routing.locator('div.route > form.route__form');
  }

  tab(name: string): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  /** Opens a tab by its address and waits for its content. */
  async goto(tab: 'configuration' | 'routing'): Promise<void> {
    await this.page.goto(`/console/consumables/${tab}`);
    await this.waitForTab(tab);
  }

  /** Moves to a tab through the tab bar and waits for its content. */
  async open(tab: 'configuration' | 'routing'): Promise<void> {
    await this.tab(tab).click();
    await this.waitForTab(tab);
  }

  private async waitForTab(tab: 'configuration' | 'routing'): Promise<void> {
    await (tab === 'routing' ? this.routes.first() : new OrderConfigFormPage(this.page).form).waitFor();
  }

  route(name: string): Locator {
    return this.routing.locator(`li.route[data-route="${name}"]`);
  }

  /** The rules' names, first match first. */
  async routeNames(): Promise<string[]> {
    return this.routes.evaluateAll((items) => items.map((item) => item.getAttribute('data-route') ?? ''));
  }

  /** Opens the new rule's form and fills it in, without saving it. */
  async fillNewRoute(route: NewRoute): Promise<void> {
    await this.addRouteButton.click();
    const form = this.newRoute;
    await form.locator('input[name="name"]').fill(route.name);
    if (route.filters.manufacturer) await form.locator('input[name="manufacturer"]').fill(route.filters.manufacturer);
    if (route.filters.kind) await form.locator('select[name="kind"]').selectOption(route.filters.kind);
    if (route.filters.colour) await form.locator('select[name="colour"]').selectOption(route.filters.colour);
    for (const [index, recipient] of route.recipients.entries()) {
      if (index > 0) await form.getByRole('button', { name: this.texts['routing.addRecipient'], exact: true }).click();
      await form.locator(`select[name="recipient-${index}"]`).selectOption(recipient.kind);
      if (recipient.kind === 'address') await form.locator(`input[name="address-${index}"]`).fill(recipient.address);
    }
  }

  /** Saves the new rule and waits until it is listed. */
  async saveNewRoute(name: string): Promise<void> {
    await this.newRoute.locator('button[type="submit"]').click();
    await this.route(name).waitFor();
    await this.newRoute.waitFor({ state: 'detached' });
  }

  /** Presses the rule's "move up" until it is first, waiting for each move to show. */
  async moveToFirst(name: string): Promise<void> {
    const moveUp = this.route(name).getByRole('button', { name: this.texts['routing.moveUpOf']!.replace('{name}', name), exact: true });
    for (let at = (await this.routeNames()).indexOf(name); at > 0; at -= 1) {
      await moveUp.click();
      await expect.poll(async () => (await this.routeNames()).indexOf(name)).toBe(at - 1);
    }
  }
}

/** The customer page's Consumables tab: the customer's own order configuration. */
export class CustomerConsumablesPage {
  readonly tab: Locator;
  readonly config: OrderConfigFormPage;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('tab-consumables');
    this.config = new OrderConfigFormPage(page);
  }

  async goto(customerId: string): Promise<void> {
    await this.page.goto(`/console/customers/${customerId}/consumables`);
    await this.config.form.waitFor();
  }
}

/** Whether the page scrolls sideways (it never should). An expression as text: this package is type-checked without the DOM library. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth');
}

/** A locator's text, trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}
