/** The coordinator area as one lazily loaded chunk: the list and a request open under one store. */
export { CoordinatorLayout } from './coordinator-context.tsx';
export { default as CoordinatorPage } from './coordinator.page.tsx';
export { CoordinatorRequestPage } from './coordinator-request.page.tsx';
