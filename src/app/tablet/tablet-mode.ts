import { mount } from 'svelte';
import type { MunicipalityConfig } from '#config/schema.ts';
import './tablet.scss';
import TabletApp from './TabletApp.svelte';

/** Starts staff mode (/tablet) in place of the kiosk: loaded with import() only on its own paths. */
export function mountTablet(target: HTMLElement, config: MunicipalityConfig): void {
  mount(TabletApp, { target, props: { config } });
}
