/** Real printer models and vendor traits: the demo fleet is drawn from them, and adding a device by hand suggests them. Data only. */

export type Manufacturer = 'HP' | 'Ricoh' | 'Kyocera' | 'Canon' | 'Xerox' | 'Lexmark' | 'Sharp' | 'Konica Minolta' | 'Brother' | 'Epson';

/** Pages a month a machine of this class prints: a small office printer, a floor copier, a print room. */
export type UsageClass = 'office' | 'departmental' | 'production';

export const MONTHLY_PAGES: Record<UsageClass, { min: number; max: number }> = {
  office: { min: 300, max: 1_500 },
  departmental: { min: 3_000, max: 15_000 },
  production: { min: 20_000, max: 45_000 },
};

export interface Vendor {
  /** Serial number shape, as `Random.pattern` fills it. */
  serial: string;
  /** The vendor's IEEE OUI, so MAC addresses look like the real thing in the console. */
  oui: string;
}

export const VENDORS: Record<Manufacturer, Vendor> = {
  HP: { serial: 'CNB#@*####', oui: '3C:52:82' },
  Ricoh: { serial: '3###R######', oui: '00:26:73' },
  Kyocera: { serial: '@#@#######', oui: '00:C0:EE' },
  Canon: { serial: '@@@#####', oui: '00:1E:8F' },
  Xerox: { serial: '@@@######', oui: '9C:93:4E' },
  Lexmark: { serial: '75##-##@####', oui: '00:21:B7' },
  Sharp: { serial: '0#######', oui: '00:22:F3' },
  'Konica Minolta': { serial: 'A@@@0#1######', oui: '00:20:6B' },
  Brother: { serial: 'E7####@#@######', oui: '00:80:77' },
  Epson: { serial: 'X@@@######', oui: '64:EB:8C' },
};

export interface PrinterModel {
  manufacturer: Manufacturer;
  model: string;
  colour: boolean;
  /** Multifunction: scans, so it gets a scan counter. */
  scans: boolean;
  usage: UsageClass;
}

const model = (manufacturer: Manufacturer, name: string, colour: boolean, scans: boolean, usage: UsageClass): PrinterModel => ({
  manufacturer,
  model: name,
  colour,
  scans,
  usage,
});

/** Keyed by a short name the fleets below refer to. */
export const MODELS = {
  hpM554: model('HP', 'Color LaserJet Enterprise M554dn', true, false, 'office'),
  hpM480: model('HP', 'Color LaserJet Enterprise MFP M480f', true, true, 'office'),
  hpM528: model('HP', 'LaserJet Enterprise MFP M528f', false, true, 'office'),
  hpM611: model('HP', 'LaserJet Enterprise M611dn', false, false, 'office'),
  ricohC3000: model('Ricoh', 'IM C3000', true, true, 'departmental'),
  ricohC4510: model('Ricoh', 'IM C4510', true, true, 'departmental'),
  ricoh6000: model('Ricoh', 'IM 6000', false, true, 'departmental'),
  ricohProC5300: model('Ricoh', 'Pro C5300S', true, false, 'production'),
  kyocera3554: model('Kyocera', 'TASKalfa 3554ci', true, true, 'departmental'),
  kyoceraM3145: model('Kyocera', 'ECOSYS M3145dn', false, true, 'office'),
  kyoceraP3155: model('Kyocera', 'ECOSYS P3155dn', false, false, 'office'),
  canonC5840: model('Canon', 'imageRUNNER ADVANCE DX C5840i', true, true, 'departmental'),
  canon6860: model('Canon', 'imageRUNNER ADVANCE DX 6860i', false, true, 'departmental'),
  canonMF543: model('Canon', 'i-SENSYS MF543x', false, true, 'office'),
  xeroxC8145: model('Xerox', 'AltaLink C8145', true, true, 'departmental'),
  xeroxC405: model('Xerox', 'VersaLink C405', true, true, 'office'),
  xeroxC9065: model('Xerox', 'PrimeLink C9065', true, true, 'production'),
  lexmarkCX725: model('Lexmark', 'CX725de', true, true, 'office'),
  lexmarkMS826: model('Lexmark', 'MS826de', false, false, 'departmental'),
  sharpMX3071: model('Sharp', 'MX-3071', true, true, 'departmental'),
  sharpMXM3071: model('Sharp', 'MX-M3071', false, true, 'departmental'),
  kmC300i: model('Konica Minolta', 'bizhub C300i', true, true, 'departmental'),
  km4750i: model('Konica Minolta', 'bizhub 4750i', false, true, 'office'),
  kmC4080: model('Konica Minolta', 'AccurioPress C4080', true, false, 'production'),
  brotherL8900: model('Brother', 'MFC-L8900CDW', true, true, 'office'),
  brotherL6400: model('Brother', 'HL-L6400DW', false, false, 'office'),
  epsonC879: model('Epson', 'WorkForce Pro WF-C879R', true, true, 'departmental'),
  epsonAMC4000: model('Epson', 'WorkForce Enterprise AM-C4000', true, true, 'departmental'),
} satisfies Record<string, PrinterModel>;

export type ModelKey = keyof typeof MODELS;
