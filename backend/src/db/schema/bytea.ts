import { customType } from 'drizzle-orm/pg-core';

/** Files (attachments, invoice documents) live in the database so a Worker (no disk) serves them too. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});
