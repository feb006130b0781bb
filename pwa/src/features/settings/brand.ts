/**
 * The dealer's brand colour on the console: sets the `--brand` CSS variable the top bar and buttons
 * use. Loaded once per session; the appearance screen applies a new colour at once.
 */
import { onMount } from 'solid-js';
import { createApiClient } from '../../api/client.ts';
import { createSettingsApi } from './settings.api.ts';

let loaded = false;

export function applyBrandColour(colour: string): void {
  document.documentElement.style.setProperty('--brand', colour);
}

/** Call from any console screen (the console frame may call it too): the first call fetches the colour. */
export function useBrand(): void {
  onMount(async () => {
    if (loaded) return;
    loaded = true;
    const result = await createSettingsApi(createApiClient()).brand();
    if (result.ok) applyBrandColour(result.data.brandColour);
    else loaded = false;
  });
}
