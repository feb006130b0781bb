/** Every customer's open location requests, the dashboard tile's destination: each handled here or on its customer's tab. */
import { useFeatureText } from '../console/feature-text.ts';
import { customersText } from './messages/index.ts';
import { LocationRequests } from './tabs/locations-tab.tsx';
import './customers.css';

export default function LocationRequestsPage() {
  const { t } = useFeatureText(customersText);
  return (
    <div>
      <div class="page__heading">
        <h1 id="page-title">{t('locations.pageTitle')}</h1>
      </div>
      <p class="muted">{t('locations.pageHint')}</p>
      <LocationRequests />
    </div>
  );
}
