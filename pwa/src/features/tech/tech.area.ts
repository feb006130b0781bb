/** The technician area as one lazily loaded chunk: once the list is open, a request opens offline too. */
export { TechLayout } from './tech-context.tsx';
export { RequestListPage } from './request-list.page.tsx';
export { RequestDetailPage } from './request-detail.page.tsx';
