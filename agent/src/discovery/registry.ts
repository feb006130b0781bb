/** A printer the agent knows, whatever addresses it answered on. */
export type KnownDevice = {
  deviceKey: string;
  serial: string | null;
  mac: string | null;
  /** Where it was last seen: inspections read it there. */
  ip: string;
  ips: string[];
  /** Index in the config's credentials list that worked last. */
  credentialIndex: number;
  vendor: string;
  manufacturer: string | null;
  model: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
};

export type Sighting = Pick<KnownDevice, 'serial' | 'mac' | 'ip' | 'credentialIndex' | 'vendor' | 'manufacturer' | 'model'>;

/**
 * The agent's devices, identified by serial and MAC, never by IP: a printer answering on two
 * addresses, or seen by two scans running at once, is one device. `sight` decides and records in
 * one synchronous step, so concurrent scans in this process cannot both create the same device.
 */
export class DeviceRegistry {
  private readonly devices: KnownDevice[];

  constructor(
    devices: readonly KnownDevice[],
    private readonly newKey: () => string,
  ) {
    this.devices = devices.map((device) => ({ ...device, ips: [...device.ips] }));
  }

  list(): KnownDevice[] {
    return this.devices.map((device) => ({ ...device, ips: [...device.ips] }));
  }

  byIp(ip: string): KnownDevice | undefined {
    return this.devices.find((device) => device.ips.includes(ip));
  }

  sight(sighting: Sighting, at: string): { device: KnownDevice; isNew: boolean } {
    const existing = this.match(sighting);
    if (existing) {
      Object.assign(existing, {
        ip: sighting.ip,
        ips: existing.ips.includes(sighting.ip) ? existing.ips : [...existing.ips, sighting.ip],
        serial: existing.serial ?? sighting.serial,
        mac: existing.mac ?? sighting.mac,
        credentialIndex: sighting.credentialIndex,
        lastSeenAt: at,
      });
      return { device: { ...existing, ips: [...existing.ips] }, isNew: false };
    }
    const device: KnownDevice = { ...sighting, deviceKey: this.newKey(), ips: [sighting.ip], firstSeenAt: at, lastSeenAt: at };
    this.devices.push(device);
    return { device: { ...device, ips: [...device.ips] }, isNew: true };
  }

  /**
   * Serial first; then MAC, unless both carry different serials (one print server in front of two
   * printers); a device with neither can only be recognised by its address.
   */
  private match(sighting: Sighting): KnownDevice | undefined {
    if (sighting.serial) {
      const bySerial = this.devices.find((device) => device.serial === sighting.serial);
      if (bySerial) return bySerial;
    }
    if (sighting.mac) {
      const byMac = this.devices.find((device) => device.mac === sighting.mac && (!device.serial || !sighting.serial));
      if (byMac) return byMac;
    }
    if (!sighting.serial && !sighting.mac) return this.devices.find((device) => !device.serial && !device.mac && device.ips.includes(sighting.ip));
    return undefined;
  }
}
