/** Pages printed by the customer: per month by device model, site or device, and per day. */
import { createDashboardApi } from '../../dashboard/dashboard.api.ts';
import { VolumeSection } from '../../dashboard/volume-section.tsx';

export function StatisticsTab(props: { customerId: string; siteId?: string }) {
  const api = createDashboardApi();
  return (
    <>
      <VolumeSection api={api} customerId={props.customerId} siteId={props.siteId} views={['model', 'site', 'device']} title="dashboard.perMonth" />
      <VolumeSection api={api} customerId={props.customerId} siteId={props.siteId} views={['total']} bucket="day" title="dashboard.perDay" />
    </>
  );
}
