/** The notification endpoints (shared/src/contracts/notifications.ts), typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type {
  NoticeFrame,
  NoticeList,
  NoticePreview,
  NoticeRuleBody,
  NoticeRuleList,
  NoticeTemplate,
  NoticeTemplateList,
  NoticeTemplateText,
} from '@parc/shared/contracts/notifications';
import type { Language } from '@parc/shared/languages';
import type { NoticeCategory } from '@parc/shared/notifications/categories';

/** Where rules are read and written: the dealer's own, or one customer's overrides. */
export interface RulesApi {
  list(): Promise<ApiResult<NoticeRuleList>>;
  /** Answers every category's rule as it now applies. */
  save(category: NoticeCategory, rule: NoticeRuleBody): Promise<ApiResult<NoticeRuleList>>;
  /** The dealer's: back to Parc's default; a customer's: inherit the dealer's again. Answers the list as `save` does. */
  reset(category: NoticeCategory): Promise<ApiResult<NoticeRuleList>>;
}

export interface NotificationsApi {
  dealerRules: RulesApi;
  customerRules(customerId: string): RulesApi;
  templates(): Promise<ApiResult<NoticeTemplateList>>;
  template(category: NoticeCategory, language: Language): Promise<ApiResult<NoticeTemplate>>;
  saveTemplate(category: NoticeCategory, language: Language, text: NoticeTemplateText): Promise<ApiResult<NoticeTemplate>>;
  /** Answers the built-in text, now in use. */
  resetTemplate(category: NoticeCategory, language: Language): Promise<ApiResult<NoticeTemplate>>;
  preview(category: NoticeCategory, language: Language, text: NoticeTemplateText): Promise<ApiResult<NoticePreview>>;
  frame(language: Language): Promise<ApiResult<NoticeFrame>>;
  saveFrame(language: Language, frame: NoticeFrame): Promise<ApiResult<NoticeFrame>>;
  notices(): Promise<ApiResult<NoticeList>>;
}

function rulesAt(client: ApiClient, base: string): RulesApi {
  return {
    list: () => client.request('GET', base),
    save: (category, rule) => client.request('PUT', `${base}/${category}`, rule),
    reset: (category) => client.request('DELETE', `${base}/${category}`),
  };
}

export function createNotificationsApi(client: ApiClient): NotificationsApi {
  const template = (category: NoticeCategory, language: Language) => `/api/notification-templates/${category}/${language}`;
  return {
    dealerRules: rulesAt(client, '/api/notification-rules'),
    customerRules: (customerId) => rulesAt(client, `/api/customers/${customerId}/notification-rules`),
    templates: () => client.request('GET', '/api/notification-templates'),
    template: (category, language) => client.request('GET', template(category, language)),
    saveTemplate: (category, language, text) => client.request('PUT', template(category, language), text),
    resetTemplate: (category, language) => client.request('DELETE', template(category, language)),
    preview: (category, language, text) => client.request('POST', `${template(category, language)}/preview`, text),
    frame: (language) => client.request('GET', `/api/notification-frames/${language}`),
    saveFrame: (language, frame) => client.request('PUT', `/api/notification-frames/${language}`, frame),
    notices: () => client.request('GET', '/api/notices'),
  };
}
