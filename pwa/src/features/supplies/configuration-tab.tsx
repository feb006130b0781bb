/** The dealer's order configuration: the default every customer and device inherits, setting by setting. */
import { usePermission } from '../console/permissions.tsx';
import { OrderConfigForm } from './order-config-form.tsx';

export default function ConfigurationTab() {
  const canEdit = usePermission('consumables', 'edit');
  return <OrderConfigForm target={{ level: 'dealer' }} canEdit={canEdit()} />;
}
