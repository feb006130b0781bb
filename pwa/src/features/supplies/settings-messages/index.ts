import type { Translations } from '@parc/shared/languages';
import { catalogueOf } from '../../../i18n/texts.ts';
import type { SupplyColour, SupplyKind } from '@parc/shared/supplies/kinds';
import type { FeatureText } from '../../console/feature-text.ts';
import type { SupplySettingsCatalogue } from './fr.ts';

export const supplySettingsText: Translations<SupplySettingsCatalogue> = catalogueOf('supplySettings');

/** A supply's kind and colour in words ("Toner · Cyan"): no colour for a supply without one, `unknownKind` when nobody says what it is. */
export function supplyKindText(text: FeatureText<keyof SupplySettingsCatalogue>, supply: { kind: SupplyKind | null; colour: SupplyColour }, unknownKind: string): string {
  return [supply.kind ? text(`kind.${supply.kind}`) : unknownKind, supply.colour === 'none' ? null : text(`colour.${supply.colour}`)].filter(Boolean).join(' · ');
}
