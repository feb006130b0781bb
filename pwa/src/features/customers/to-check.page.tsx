/** Every customer's readings to check, the dashboard tile's destination. */
import { useFeatureText } from '../console/feature-text.ts';
import { createCustomersApi } from './customers.api.ts';
import { customersText } from './messages/index.ts';
import { ToCheckQueue } from './to-check-queue.tsx';
import './customers.css';

export default function ToCheckPage() {
  const { t } = useFeatureText(customersText);
  return (
    <div>
      <div class="page__heading">
        <h1 id="page-title">{t('toCheck.title')}</h1>
      </div>
      <ToCheckQueue api={createCustomersApi()} />
    </div>
  );
}
